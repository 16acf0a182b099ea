import TuopinCore

/// One drawn person with their place in the household.
struct PersonDraft {
    var relation: RelationToHead
    var sex: Sex
    var birthDate: CivilDate
    var from: CivilDate
    var to: CivilDate?
    var endReason: NaturalReductionReason?
}

/// Draws the people of a household: a head, a spouse, children, grandchildren and parents whose
/// ages fit their relations, plus some members who died or married out before the reference date.
enum MemberGenerator {
    static let established = CivilDate(year: 2012, month: 1, day: 1)!

    static func people(for draft: HouseholdDraft, reference: CivilDate, _ r: inout SeededRandom) -> [PersonDraft] {
        let size = draft.size
        let headAge: Int =
            switch (draft.group, size) {
            case (.remaining, 1): r.int(62...88)
            case (.remaining, 2): r.int(55...85)
            case (_, 1): r.int(50...85)
            case (_, 2): r.int(40...80)
            default: r.int(30...68)
            }
        let headSex: Sex = r.chance(0.86) ? .male : .female
        var people = [person(.head, headSex, age: headAge, reference, &r)]
        var slots = size - 1
        if slots > 0 {
            if headAge > 70 && size == 2 && r.chance(0.3) {
                people.append(person(r.chance(0.7) ? .son : .daughter, nil, age: headAge - r.int(24...34), reference, &r))
            } else {
                let spouseAge = min(max(headAge + r.int(-5...4), 20), 95)
                people.append(person(.spouse, headSex == .male ? .female : .male, age: spouseAge, reference, &r))
            }
            slots -= 1
        }
        if headAge <= 50 {
            let children = min(slots, 4)
            for _ in 0..<children {
                people.append(person(r.chance(0.52) ? .son : .daughter, nil, age: r.int(0...max(0, headAge - 21)), reference, &r))
            }
            slots -= children
            while slots > 0 {
                let parent: RelationToHead = slots % 2 == 0 ? .father : .mother
                people.append(person(parent, nil, age: min(headAge + r.int(22...32), 94), reference, &r))
                slots -= 1
            }
        } else if slots > 0 {
            let sonAge = max(headAge - r.int(24...30), 18)
            if slots == 1 {
                people.append(person(r.chance(0.6) ? .son : .daughter, nil, age: sonAge, reference, &r))
                slots = 0
            } else {
                people.append(person(.son, nil, age: sonAge, reference, &r))
                people.append(person(.daughterInLaw, nil, age: max(sonAge + r.int(-4...2), 18), reference, &r))
                slots -= 2
                while slots > 0 {
                    people.append(person(r.chance(0.52) ? .grandson : .granddaughter, nil, age: r.int(0...max(0, sonAge - 21)), reference, &r))
                    slots -= 1
                }
            }
        }
        // Members who left before the reference date: an elderly parent who died, a daughter who married out.
        if draft.group != .removed {
            if r.chance(0.06) && headAge < 70 {
                let death = CivilDate(year: r.int(2015...2019), month: r.int(1...12), day: r.int(1...28))!
                let headAgeThen = headAge - (reference.year - death.year)
                let deathAge = max(r.int(72...92), headAgeThen + r.int(22...30))
                let birth = CivilDate(year: death.year - deathAge, month: r.int(1...12), day: r.int(1...28))!
                let relation: RelationToHead = r.chance(0.5) ? .father : .mother
                people.append(
                    PersonDraft(
                        relation: relation, sex: relation.impliedSex!, birthDate: birth,
                        from: established, to: death, endReason: .death))
            } else if r.chance(0.025) && headAge >= 55 {
                let leave = CivilDate(year: r.int(2015...2020), month: r.int(1...9), day: r.int(1...28))!
                let birth = CivilDate(year: leave.year - r.int(20...27), month: r.int(1...12), day: r.int(1...28))!
                people.append(PersonDraft(relation: .daughter, sex: .female, birthDate: birth, from: established, to: leave, endReason: .migration))
            }
        }
        return people
    }

    static func person(_ relation: RelationToHead, _ sex: Sex?, age: Int, _ reference: CivilDate, _ r: inout SeededRandom) -> PersonDraft {
        let sex = sex ?? relation.impliedSex ?? (r.chance(0.5) ? .male : .female)
        // Born `age` full years before the reference date, on a random day of that year of life.
        let birthDate = CivilDate(year: reference.year - age - 1, month: reference.month, day: reference.day)!.adding(days: r.int(1...364))
        return PersonDraft(relation: relation, sex: sex, birthDate: birthDate, from: max(birthDate, established))
    }

    /// The member record: name, ID number and this year's attributes, all consistent with age.
    static func member(
        _ p: PersonDraft, surname: String, idNumber: IdentityNumber, household: Household,
        reference: CivilDate, _ r: inout SeededRandom
    ) -> Member {
        let age = p.birthDate.age(on: reference)
        let schoolAge = p.birthDate.age(on: CivilDate(year: reference.year, month: 9, day: 1)!)
        let given = ChineseNames.given(p.sex == .male ? .male : .female, &r)
        var m = Member(
            idNumber: idNumber.rawValue, name: surname + given, sex: p.sex, birthDate: p.birthDate,
            education: .juniorMiddle, labourCapacity: .ordinary)
        switch schoolAge {
        case ..<3:
            m.education = .preschoolChild
            m.studentStatus = .notInSchool
        case 3...5:
            m.education = .preschoolChild
            m.studentStatus = .preschool
        case 6...11:
            m.education = .primary
            m.studentStatus = .primary(grade: schoolAge - 5)
        case 12...14:
            m.education = .primary
            m.studentStatus = .juniorMiddle(grade: schoolAge - 5)
        case 15...17:
            m.education = .juniorMiddle
            m.studentStatus = r.chance(0.55) ? .seniorHigh(grade: schoolAge - 14) : .secondaryVocational(grade: schoolAge - 14)
        case 18...21 where r.chance(0.35):
            m.education = .seniorHigh
            m.studentStatus = r.chance(0.5) ? .higherVocational(grade: min(schoolAge - 17, 3)) : .collegeOrAbove
        default:
            m.studentStatus = .notInSchool
            let born = p.birthDate.year
            m.education =
                born < 1950
                ? (r.chance(0.5) ? .illiterate : .primary)
                : born < 1970
                    ? (r.chance(0.6) ? .primary : .juniorMiddle)
                    : born < 1990
                        ? (r.chance(0.7) ? .juniorMiddle : .seniorHigh)
                        : (r.chance(0.5) ? .juniorMiddle : (r.chance(0.7) ? .seniorHigh : .collegeOrAbove))
        }
        // Health follows the household's main cause for one adult, age for the rest.
        var health: Set<HealthCondition> = [.healthy]
        if age >= 18 && (p.relation == .head || p.relation == .spouse) {
            if household.mainCause == .illness && (p.relation == .head || r.chance(0.3)) {
                health = [r.chance(0.45) ? .seriousIllness : .chronicIllness]
            } else if household.mainCause == .disability && p.relation == .head {
                health = [.disabled]
            }
        }
        if health == [.healthy] && age >= 65 && r.chance(0.3) { health = [.chronicIllness] }
        m.health = health
        let workingAge = age >= 16 && age <= (p.sex == .male ? 60 : 55)
        if m.studentStatus.isInSchool || age < 16 {
            m.labourCapacity = .none
        } else if workingAge {
            if health.contains(.disabled) || health.contains(.seriousIllness) {
                m.labourCapacity = r.chance(0.6) ? .lost : .weakOrHalf
            } else {
                m.labourCapacity = r.chance(0.18) ? .skilled : (r.chance(0.1) ? .weakOrHalf : .ordinary)
            }
        } else {
            m.labourCapacity = age <= 70 && !health.contains(.seriousIllness) && r.chance(0.5) ? .weakOrHalf : .none
        }
        m.medicalInsured = !r.chance(0.003)
        m.seriousIllnessInsured = m.medicalInsured
        m.residentPension = age >= 60
        m.receivesDibao = household.povertyAttribute == .dibao
        m.receivesTekun = household.povertyAttribute == .tekun
        return m
    }
}
