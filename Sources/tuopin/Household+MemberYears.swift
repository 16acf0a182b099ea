import ArgumentParser
import TuopinCore
import TuopinServices

extension HouseholdCommand {
    struct MemberFacts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member-facts",
            abstract: "Record a member's facts for a year: schooling, health, work, insurance, assistance (replaces that year's).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "Resident ID number of a member of the household in that year.") var id: String
        @Option(help: "The year.") var year: Int
        @Option(help: "illiterate, primary, juniorMiddle, seniorHigh, collegeOrAbove or preschoolChild.") var education: String
        @Option(name: .customLong("student-status"), help: "notInSchool, preschool, primary:3, juniorMiddle:8, …") var studentStatus = "notInSchool"
        @Option(help: "A health condition (repeat for several): healthy, chronicIllness, seriousIllness, disabled.") var health: [String] = []
        @Option(help: "Disability category: visual, hearing, speech, physical, intellectual, mental, multiple.") var disability: String?
        @Option(help: "Disability grade 1–4 (1 the most severe).") var grade: Int?
        @Option(help: "ordinary, skilled, weakOrHalf, lost or none.") var labour: String
        @Option(name: .customLong("migrant-work"), help: "withinTownship, withinCounty, withinProvince, outsideProvince or other.")
        var migrantWork: String?
        @Option(name: .customLong("months-worked"), help: "Months worked away, 0–12.") var monthsWorked: Int?
        @Flag(name: .customLong("uninsured"), help: "Not in the basic medical insurance.") var uninsured = false
        @Flag(name: .customLong("no-serious-illness-insurance"), help: "Not in the serious-illness insurance.") var noSeriousIllness = false
        @Flag(name: .customLong("resident-pension"), help: "In the residents' pension.") var residentPension = false
        @Flag(name: .customLong("employee-pension"), help: "In the employees' pension.") var employeePension = false
        @Flag(help: "Receives 低保.") var dibao = false
        @Flag(help: "Receives 特困 support.") var tekun = false
        @Flag(name: .customLong("welfare-job"), help: "Holds a public-welfare job.") var welfareJob = false
        @Option(name: .customLong("months-employed"), help: "Months in the public-welfare job, 0–12.") var monthsEmployed: Int?
        @Flag(help: "An active soldier.") var soldier = false

        func facts() throws -> MemberYear {
            guard let student = StudentStatus(token: studentStatus) else {
                throw ValidationError(Console.strings.text("import.reason.unknownCode", ["value": studentStatus]))
            }
            let conditions = Set(try health.map { try MonitorInput.code($0, as: HealthCondition.self) })
            return MemberYear(
                idNumber: id.uppercased(), year: year, education: try MonitorInput.code(education, as: Education.self), studentStatus: student,
                health: conditions.isEmpty ? [.healthy] : conditions,
                disabilityCategory: try disability.map { try MonitorInput.code($0, as: DisabilityCategory.self) }, disabilityGrade: grade,
                labourCapacity: try MonitorInput.code(labour, as: LabourCapacity.self),
                migrantWork: try migrantWork.map { try MonitorInput.code($0, as: MigrantWork.self) }, monthsWorked: monthsWorked,
                isActiveSoldier: soldier, medicalInsured: !uninsured, seriousIllnessInsured: !noSeriousIllness, residentPension: residentPension,
                employeePension: employeePension, receivesDibao: dibao, receivesTekun: tekun, publicWelfareJob: welfareJob,
                monthsEmployed: monthsEmployed)
        }

        func validate() throws { _ = try facts() }

        func run() async throws {
            let facts = try facts()
            try await withServices(db, acting) { env, user in
                try await HouseholdService(env).setMemberYear(facts, household: try target.number(), by: user)
            }
            let fields = ["household": target.household, "member": Masking.identityNumber(facts.idNumber), "year": String(year)]
            HouseholdOutput.saved(target.format, Console.strings.text("household.memberFactsSaved", fields), fields)
        }
    }

    struct MemberYears: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "member-years", abstract: "List the members' yearly facts of a household (ID numbers masked).")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var acting: ActingOptions
        @OptionGroup var target: Target
        @Option(help: "Only this year.") var year: Int?

        struct Row: Encodable {
            var member: String
            var year: Int
            var education: String
            var studentStatus: String
            var labourCapacity: String
            var migrantWork: String?
            var monthsWorked: Int?
            var medicalInsured: Bool
            var receivesDibao: Bool
            var receivesTekun: Bool
            var publicWelfareJob: Bool
        }

        func run() async throws {
            let rows = try await withServices(db, acting) { env, user in
                try await HouseholdService(env).memberYears(try target.number(), year: year, by: user)
            }
            let s = Console.strings
            switch target.format {
            case .json:
                Console.out(
                    MonitorOutput.json(
                        rows.map {
                            Row(
                                member: Masking.identityNumber($0.idNumber), year: $0.year, education: $0.education.token,
                                studentStatus: $0.studentStatus.token, labourCapacity: $0.labourCapacity.token, migrantWork: $0.migrantWork?.token,
                                monthsWorked: $0.monthsWorked, medicalInsured: $0.medicalInsured, receivesDibao: $0.receivesDibao,
                                receivesTekun: $0.receivesTekun, publicWelfareJob: $0.publicWelfareJob)
                        }))
            case .table:
                Console.out(s.text("household.memberYears.header"))
                for r in rows {
                    Console.out(
                        [
                            String(r.year), Masking.identityNumber(r.idNumber), s.label(r.education.label), s.label(r.labourCapacity.label),
                            r.migrantWork.map { s.label($0.label) + (r.monthsWorked.map { " \($0)" } ?? "") } ?? "-",
                            r.medicalInsured ? "✔" : "✘",
                        ].joined(separator: "\t"))
                }
            }
        }
    }
}
