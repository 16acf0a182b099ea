import TuopinCore
import TuopinStrings

extension VisitDifference {
    /// The difference as a page or a table shows it: what it is about (the guarantee named), and
    /// both sides worded — 是/否, a grade's label, an amount in yuan; a conflict's two versions as stored.
    public func worded(_ s: Localizer) -> (about: String, registry: String, visit: String) {
        func side(_ text: String) -> String {
            switch kind {
            case .guarantee, .sanitaryToilet: text == "yes" ? s.text("value.yes") : text == "no" ? s.text("value.no") : text
            case .dangerGrade: DangerGrade(token: text).map { s.label($0.label) } ?? text
            case .income, .conflict: text
            }
        }
        let about = s.label(kind.label) + (BasicGuarantee(token: subject).map { (s.language == .zh ? "：" : ": ") + s.label($0.label) } ?? "")
        return (about, side(registry), side(visit))
    }
}
