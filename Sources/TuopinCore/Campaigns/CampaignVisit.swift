/// A visit's id, made by the device that recorded it (a UUID from the field form), so that a
/// visit sent twice — the connection dropped after the server took it — is taken once.
public struct VisitID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// 8–64 characters of ASCII letters, digits and "-".
    public init?(_ text: String) {
        guard (8...64).contains(text.utf8.count), text.utf8.allSatisfy({ Self.allowed($0) }) else { return nil }
        rawValue = text
    }

    static func allowed(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D
    }

    public var description: String { rawValue }
}

/// When a visit took place, to the minute (Beijing time, as the cadre wrote it).
public struct VisitTime: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let date: CivilDate
    /// Minutes after midnight, 0–1439.
    public let minute: Int

    public init?(date: CivilDate, minute: Int) {
        guard (0..<1_440).contains(minute) else { return nil }
        self.date = date
        self.minute = minute
    }

    /// Parses "2020-10-12T09:30" (a browser's datetime-local) or "2020-10-12 09:30"; ASCII only.
    public init?(_ text: String) {
        let b = Array(text.utf8)
        guard b.count == 16, b.allSatisfy({ $0 < 0x80 }), b[10] == UInt8(ascii: "T") || b[10] == UInt8(ascii: " "), b[13] == UInt8(ascii: ":"),
            let date = try? CivilDate(String(decoding: b[0..<10], as: UTF8.self)),
            let h = Self.twoDigits(b[11], b[12]), let m = Self.twoDigits(b[14], b[15]), h < 24, m < 60
        else { return nil }
        self.init(date: date, minute: h * 60 + m)
    }

    static func twoDigits(_ a: UInt8, _ b: UInt8) -> Int? {
        let zero = UInt8(ascii: "0"), nine = UInt8(ascii: "9")
        guard (zero...nine).contains(a), (zero...nine).contains(b) else { return nil }
        return Int(a - zero) * 10 + Int(b - zero)
    }

    public var description: String {
        let h = minute / 60, m = minute % 60
        return "\(date)T\(h < 10 ? "0" : "")\(h):\(m < 10 ? "0" : "")\(m)"
    }

    public static func < (a: VisitTime, b: VisitTime) -> Bool { (a.date, a.minute) < (b.date, b.minute) }
}

/// What a cadre found on a campaign visit: the 两不愁三保障 and water checklist, the household's
/// observed per-capita income and living conditions, whom they met, and an optional photo.
/// `basis` is the fingerprint of the registry facts the form showed (`RegistrySnapshot.basis`):
/// when the registry has changed since, the visit is kept and both versions go to review.
public struct CampaignVisit: Hashable, Sendable {
    public var id: VisitID
    public var campaign: CampaignKey
    public var household: HouseholdNumber
    public var visitor: String
    public var visitedAt: VisitTime
    /// Whom the cadre met (户主本人, 配偶, …).
    public var metWith: String
    /// The guarantees seen to be secured; those missing are not.
    public var secured: Set<BasicGuarantee>
    /// Observed per-capita net income for the year, when asked.
    public var perCapitaIncome: Money?
    public var dangerGrade: DangerGrade?
    public var sanitaryToilet: Bool?
    public var note: String
    /// Risks seen that should be looked into: a lead for the monitoring mechanism (§3.7).
    public var risks: [RiskType]
    public var basis: String
    public var photo: VisitPhoto?

    public init(
        id: VisitID, campaign: CampaignKey, household: HouseholdNumber, visitor: String, visitedAt: VisitTime, metWith: String,
        secured: Set<BasicGuarantee>, perCapitaIncome: Money? = nil, dangerGrade: DangerGrade? = nil, sanitaryToilet: Bool? = nil,
        note: String = "", risks: [RiskType] = [], basis: String = "", photo: VisitPhoto? = nil
    ) {
        self.id = id
        self.campaign = campaign
        self.household = household
        self.visitor = visitor
        self.visitedAt = visitedAt
        self.metWith = metWith
        self.secured = secured
        self.perCapitaIncome = perCapitaIncome
        self.dangerGrade = dangerGrade
        self.sanitaryToilet = sanitaryToilet
        self.note = note
        self.risks = risks
        self.basis = basis
        self.photo = photo
    }
}

/// A visit's photo: JPEG or PNG, its type read from its first bytes, not from what the sender says.
public struct VisitPhoto: Hashable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case jpeg = "image/jpeg"
        case png = "image/png"
    }

    public let kind: Kind
    public let bytes: [UInt8]

    /// nil when the bytes are neither a JPEG nor a PNG.
    public init?(bytes: [UInt8]) {
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            kind = .jpeg
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            kind = .png
        } else {
            return nil
        }
        self.bytes = bytes
    }
}
