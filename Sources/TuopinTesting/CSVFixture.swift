import Foundation
import TuopinStore

/// A small registry as CSV files, written to a fresh folder: two Leiyang households in one
/// village, their members, events, incomes and the village profile. Tests edit rows to make
/// the faults they check.
public struct CSVFixture: Sendable {
    public var files: [RegistryFile: [[String]]]

    public static let good = CSVFixture(files: [
        .areas: [
            ["430000", "湖南省", "province"], ["430400", "衡阳市", "city"], ["430481", "耒阳市", "countyLevelCity"],
            ["430481100", "黄市镇", "town"], ["430481100201", "白溪村", "village"],
        ],
        .areaEvents: [["430481100201", "designatedPoorVillage", "2014-06-30", ""], ["430481100201", "villageExited", "2017-12-20", ""]],
        .villageProfiles: [["430481100201", "2020", "2000", "50000.00", "", "", "", "", "", ""]],
        .households: [
            [
                "4304811002010001", "430481100201", "national", "general", "illness", "lackOfSkills", "2014", "2017", "false", "false", "false",
                "13800000000", "", "",
            ],
            ["4304811002010002", "430481100201", "national", "dibao", "disability", "", "2014", "", "false", "false", "false", "", "", ""],
        ],
        .statusEvents: [
            ["4304811002010001", "1", "identified", "notExited", "2014-05-01", ""],
            ["4304811002010001", "2", "exited", "exitedWithPolicies", "2017-11-20", ""],
            ["4304811002010002", "1", "identified", "notExited", "2014-05-01", ""],
        ],
        .members: [
            member("4304811002010001", "head", "430481198001010013", "刘伟", "male", "1980-01-01"),
            member("4304811002010001", "spouse", "430481198203040026", "李芳", "female", "1982-03-04"),
            member("4304811002010001", "son", "43048120100615001X", "刘浩", "male", "2010-06-15"),
            member("4304811002010002", "head", "430424195512310033", "王强", "male", "1955-12-31"),
        ],
        .incomes: [
            income("4304811002010001", "2017", "3", migrantWages: "12000.00"),
            income("4304811002010002", "2017", "1", migrantWages: "1500.00"),
        ],
    ])

    public static func member(_ household: String, _ relation: String, _ id: String, _ name: String, _ sex: String, _ birth: String) -> [String] {
        [
            household, relation, "2012-01-01", "", "", "residentIdentityCard", id, name, sex, birth, "01", "juniorMiddle", "notInSchool",
            "healthy", "ordinary", "true", "true", "false", "false", "false",
        ]
    }

    public static func income(_ household: String, _ year: String, _ size: String, migrantWages: String) -> [String] {
        [household, year, size] + RegistryFile.incomes.columns.dropFirst(3).map { $0 == "migrantWages" ? migrantWages : "0.00" }
    }

    /// Writes the files (header + rows) into a new temporary folder and returns it.
    public func write() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tuopin-csv-" + UUID().uuidString, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, rows) in files {
            let text = ([file.columns] + rows).map(CSVText.line).joined(separator: "\n") + "\n"
            try text.write(to: folder.appendingPathComponent(file.fileName), atomically: true, encoding: .utf8)
        }
        return folder
    }
}
