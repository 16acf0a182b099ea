import TuopinCore

/// A generated village with its population weight and, for poor villages, its exit year.
struct GeneratedVillage {
    var area: Area
    var weight: Double
    var population2020 = 0
    var poorExitYear: Int?
}

/// Builds a county's townships and villages: Leiyang's real townships, generated ones elsewhere;
/// villages numbered 200… (村委会) and, in subdistricts, communities 001… (社区).
enum AreaGenerator {
    static func townships(of plan: CountyPlan, _ r: inout SeededRandom) -> [Area] {
        let county = plan.code
        switch plan.townships {
        case .real(let list):
            return list.map { Area(code: try! AdminCode(county + $0.suffix), name: $0.name, kind: $0.kind) }
        case .counts(let subdistricts, let towns, let townships):
            var used = Set<String>(), result: [Area] = []
            func add(_ number: Int, _ kind: AreaKind, _ suffix: String) {
                let n = String(number)
                let code = try! AdminCode(county + String(repeating: "0", count: 3 - n.count) + n)
                result.append(Area(code: code, name: ChineseNames.place(&r, avoiding: &used) + suffix, kind: kind))
            }
            for i in 0..<subdistricts { add(1 + i, .subdistrict, "街道") }
            for i in 0..<towns { add(100 + i, .town, "镇") }
            for i in 0..<townships { add(200 + i, .township, "乡") }
            return result
        }
    }

    static func villages(of township: Area, _ r: inout SeededRandom) -> [GeneratedVillage] {
        let (communities, villages): (Int, Int) =
            switch township.kind {
            case .subdistrict: (r.int(2...4), r.int(1...3))
            case .town: (0, r.int(12...22))
            default: (0, r.int(8...15))
            }
        var used = Set<String>(), result: [GeneratedVillage] = []
        for i in 0..<communities {
            let code = try! AdminCode(township.code.rawValue + threeDigits(1 + i))
            result.append(GeneratedVillage(area: Area(code: code, name: ChineseNames.place(&r, avoiding: &used) + "社区", kind: .community), weight: 0))
        }
        for i in 0..<villages {
            let code = try! AdminCode(township.code.rawValue + threeDigits(200 + i))
            result.append(
                GeneratedVillage(
                    area: Area(code: code, name: ChineseNames.place(&r, avoiding: &used) + "村", kind: .village),
                    weight: 0.55 + r.unit() * 1.1))
        }
        return result
    }
}

/// A number as three digits: 7 → "007".
func threeDigits(_ n: Int) -> String {
    let digits = n.description
    return String(repeating: "0", count: max(0, 3 - digits.count)) + digits
}
