/// 证件类型: which document a member's number comes from; the member key is (type, number).
public enum IdentityType: String, CodeListValue, Codable {
    case residentIdentityCard
    case policeIssuedNumber
    case disabilityCertificate

    public var label: Label {
        switch self {
        case .residentIdentityCard: Label("居民身份证", "resident identity card")
        case .policeIssuedNumber: Label("公安户籍编号", "police-issued registration number")
        case .disabilityCertificate: Label("残疾人证", "disability certificate")
        }
    }

    public var code: Int? {
        switch self {
        case .residentIdentityCard: 1
        case .policeIssuedNumber: 2
        case .disabilityCertificate: 3
        }
    }
}
