/// GB 3304-1991 nationality codes (民族代码): `01` 汉族 … `56` 基诺族, `97` 其他未识别民族,
/// `98` 外国血统中国籍人士; REFERENCE §2.2 also uses `99` 其他. Two digits, as stored.
public enum Ethnicity {
    public static func isValid(_ code: String) -> Bool {
        guard code.count == 2, let n = Int(code), code.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return (1...56).contains(n) || (97...99).contains(n)
    }
}
