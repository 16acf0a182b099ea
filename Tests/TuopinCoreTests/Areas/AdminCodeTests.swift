import Testing

@testable import TuopinCore

@Suite("Administrative codes (REFERENCE §5.1–5.2)")
struct AdminCodeTests {
    @Test(
        "knows the level of each code",
        arguments: [
            ("430000", AreaLevel.province), ("430400", .city), ("430481", .county), ("430481100", .township), ("430481100201", .village),
            ("430481000000", .county), ("430481100000", .township),
        ])
    func level(_ text: String, _ level: AreaLevel) throws {
        #expect(try AdminCode(text).level == level)
    }

    @Test func chainRunsFromProvinceToVillage() throws {
        let chain = try AdminCode("430481100201").chain.map(\.rawValue)
        #expect(chain == ["430000", "430400", "430481", "430481100", "430481100201"])
    }

    @Test func countyOfAVillage() throws {
        #expect(try AdminCode("430481100201").county?.rawValue == "430481")
        #expect(try AdminCode("430400").county == nil)
    }

    @Test func provinceDirectCountyHasTheProvinceAsParent() throws {
        #expect(try AdminCode("429004").parent?.rawValue == "420000")
    }

    @Test(
        "rejects bad codes with a specific reason",
        arguments: [
            ("43048", AdminCode.ParseError.wrongLength(5)),
            ("4304a1", .notADigit(position: 5)),
            ("990481", .unknownProvince("99")),
            ("430400001", .missingLevel(.county)),
            ("430481000201", .missingLevel(.township)),
            ("430081", .missingLevel(.city)),
        ])
    func rejects(_ text: String, _ error: AdminCode.ParseError) {
        #expect(throws: error) { try AdminCode(text) }
    }

    @Test func containsUsesTheSignificantPrefix() throws {
        let city = try AdminCode("430400"), leiyang = try AdminCode("430481"), village = try AdminCode("430481100201")
        #expect(city.contains(village))
        #expect(leiyang.contains(village))
        #expect(!leiyang.contains(try AdminCode("430482100201")))
        #expect(!village.contains(leiyang))
        #expect(city.prefix == "4304")
    }

    @Test(
        "reads township kinds from NBS ranges",
        arguments: [
            ("430481001", TownshipKind.subdistrict), ("430481100", .town), ("430481201", .township), ("430481400", .enterpriseUnit),
        ])
    func townshipKind(_ text: String, _ kind: TownshipKind) throws {
        #expect(try AdminCode(text).townshipKind == kind)
    }

    @Test func villageKindRangesAreConfigurable() throws {
        let code = try AdminCode("430481100150")
        #expect(VillageCodeRanges.assumedNBS.kind(of: code) == .community)
        #expect(VillageCodeRanges(community: 1...99, village: 100...399).kind(of: code) == .village)
    }

    @Test func statCode12PadsWithZeros() throws {
        #expect(try AdminCode("430481").statCode12 == "430481000000")
    }
}
