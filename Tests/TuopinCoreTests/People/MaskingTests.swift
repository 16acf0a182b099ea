import Testing
import TuopinCore

@Suite("Masking for exports (DESIGN principle 8)")
struct MaskingTests {
    @Test func identityNumbersKeepOnlyTheAddressCode() {
        #expect(Masking.identityNumber("430481198001010013") == "430481************")
        #expect(Masking.identityNumber("11010519491231002X") == "110105************")
        #expect(Masking.identityNumber("A123") == "******************", "a number of another kind keeps nothing")
    }

    @Test func namesKeepTheirFirstCharacter() {
        #expect(Masking.name("刘伟") == "刘*")
        #expect(Masking.name("欧阳娜娜") == "欧***")
        #expect(Masking.name("王") == "王*", "a one-character name is not shown whole")
        #expect(Masking.name("") == "")
    }

    @Test func datesKeepTheirYear() {
        #expect(Masking.birthDate(CivilDate(year: 1980, month: 1, day: 1)!) == "1980-**-**")
        #expect(Masking.year("2012-06-15") == "2012")
        #expect(Masking.privateField("13800000000") == "***" && Masking.privateField("") == "")
    }
}
