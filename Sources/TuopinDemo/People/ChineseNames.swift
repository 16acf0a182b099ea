import TuopinCore

/// Name pools for plausible, invented people and places. Surnames are weighted towards those
/// common in southern Hunan; no real person is meant.
enum ChineseNames {
    static let surnames: [(String, Double)] = [
        ("刘", 8), ("李", 7), ("王", 6), ("陈", 6), ("张", 5), ("周", 5), ("罗", 4), ("谭", 4), ("唐", 4), ("曾", 4),
        ("彭", 3.5), ("邓", 3.5), ("肖", 3.5), ("廖", 3), ("谢", 3), ("贺", 2.5), ("蒋", 2.5), ("胡", 2.5), ("黄", 2.5),
        ("欧阳", 1.5), ("资", 1.2), ("伍", 1.5), ("段", 1.5), ("徐", 2), ("阳", 1.5), ("谷", 1), ("雷", 1.5), ("梁", 1.5),
        ("许", 1.5), ("龙", 1.5), ("邹", 1.5), ("颜", 1.2), ("朱", 2), ("贝", 0.6), ("蔡", 1.2), ("何", 2), ("旷", 0.8),
    ]
    static let maleGiven = Array("伟强军华建国明志勇平林杰斌涛海波辉俊峰红桂生德文武成鑫宇浩然亮春雄松")
    static let femaleGiven = Array("秀英芳娟丽红梅兰霞艳玉珍凤云桂萍燕敏静婷琴花莲翠娥慧洁雪春")
    static let placeFirst = Array("白杨石新大高黄洪金云龙松桥塘湾坪冲岭江河泉山田竹桃花枫柏荷岩西东南北上下中长古清")
    static let placeSecond = Array("溪塘山岭冲湾坪桥江源田湖铺市口坳坝洲岗林园峰庄坡")

    static func surname(_ r: inout SeededRandom) -> String { surnames[r.weighted(surnames.map(\.1))].0 }

    static func given(_ sex: SexOfName, _ r: inout SeededRandom) -> String {
        let pool = sex == .male ? maleGiven : femaleGiven
        return r.chance(0.25) ? String(r.pick(pool)) : String(r.pick(pool)) + String(r.pick(pool))
    }

    enum SexOfName { case male, female }

    /// A two-character place name not yet in `used`.
    static func place(_ r: inout SeededRandom, avoiding used: inout Set<String>) -> String {
        for _ in 0..<200 {
            let name = String(r.pick(placeFirst)) + String(r.pick(placeSecond))
            if used.insert(name).inserted { return name }
        }
        let name = String(r.pick(placeFirst)) + String(r.pick(placeFirst)) + String(r.pick(placeSecond))
        used.insert(name)
        return name
    }
}
