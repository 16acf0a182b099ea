import Foundation
import TuopinCore
import TuopinServices
import TuopinStrings

/// `tuopin measures` as JSON and as a table. Shares are rounded for display only.
struct MeasuresReport: Encodable {
    var area: String
    var year: Int
    var line: String
    var lineGiven: Bool
    var unit: String
    var households: Int
    var householdsBelow: Int
    var withoutIncome: Int
    var population: Int64
    var poor: Int64
    var p0: Double?
    var p1: Double?
    var p2: Double?
    var watts: Double?
    var wattsExcluded: Int64
    var sen: Double?
    var incomeGapRatio: Double?
    var giniOfPoor: Double?
    var gini: Double?
    /// What would lift everyone below the line to it, a year (yuan).
    var totalGap: String
    var lorenz: [LorenzPoint]?
    var children: [Child]?

    /// A child area under the line: households and people below it, and the transfer (yuan a year).
    struct Child: Encodable {
        var code: String
        var name: String
        var households: Int
        var people: Int64
        var gap: String
    }

    init(_ r: PovertyMeasureService.Result, lorenz withCurve: Bool) {
        let m = r.measures
        area = r.area.rawValue
        year = r.year
        line = r.line.yuanText
        lineGiven = r.lineGiven
        unit = r.unit.rawValue
        households = r.households
        householdsBelow = r.householdsBelow
        withoutIncome = r.withoutIncome
        population = m.population
        poor = m.poor
        (p0, p1, p2, watts, wattsExcluded, sen) = (m.p0, m.p1, m.p2, m.watts, m.wattsExcluded, m.sen)
        (incomeGapRatio, giniOfPoor, gini) = (m.incomeGapRatio, m.giniOfPoor, m.gini)
        totalGap = Money(fen: m.totalGap).yuanText
        lorenz = withCurve ? m.lorenz : nil
    }

    func table(_ s: Localizer) -> String {
        func f(_ v: Double?) -> String { v.map { String(format: "%.6f", $0) } ?? "—" }
        var lines = [
            s.text(
                "measures.heading",
                [
                    "area": area, "year": String(year), "line": line,
                    "unit": s.text(unit == "person" ? "measures.unit.person" : "measures.unit.household"),
                    "source": s.text(lineGiven ? "measures.line.given" : "measures.line.table"),
                ]),
            s.text(
                "measures.counts",
                [
                    "households": String(households), "population": String(population), "poor": String(poor), "without": String(withoutIncome),
                    "below": String(householdsBelow),
                ]),
            "P0\t" + f(p0), "P1\t" + f(p1), "P2\t" + f(p2),
            "Watts\t" + f(watts) + (wattsExcluded > 0 ? "\t" + s.text("measures.wattsExcluded", ["count": String(wattsExcluded)]) : ""),
            "Sen\t" + f(sen) + "\t(I = " + f(incomeGapRatio) + ", Gp = " + f(giniOfPoor) + ")", "Gini\t" + f(gini),
            s.text("measures.gap", ["amount": totalGap]),
        ]
        if let children {
            lines.append(s.text("measures.children"))
            lines += children.map { [$0.code, $0.name, String($0.households), String($0.people), $0.gap].joined(separator: "\t") }
        }
        if let lorenz {
            lines.append(s.text("measures.lorenz"))
            lines += lorenz.map { String(format: "%.6f\t%.6f", $0.population, $0.income) }
        }
        return lines.joined(separator: "\n")
    }
}

/// An Alkire–Foster result: exact fractions, with their decimal values.
struct AFReport: Encodable {
    struct Share: Encodable {
        var fraction: String
        var value: Double

        init(_ r: Ratio) {
            fraction = r.denominator == 1 ? String(r.numerator) : "\(r.numerator)/\(r.denominator)"
            value = r.doubleValue
        }
    }

    struct Indicator: Encodable {
        var name: String
        var censoredHeadcount: Share
        var uncensoredHeadcount: Share
        var contribution: Share?
    }

    var k: Share
    var population: Int64
    var poor: Int64
    var H: Share
    var A: Share
    var M0: Share
    var indicators: [Indicator]

    init(_ af: AlkireFoster, indicators names: [String], k cutoff: Ratio) {
        k = Share(cutoff)
        population = af.population
        poor = af.poor
        H = Share(af.headcount)
        A = Share(af.intensity)
        M0 = Share(af.adjustedHeadcount)
        indicators = names.indices.map { j in
            Indicator(
                name: names[j], censoredHeadcount: Share(af.censoredHeadcounts[j]), uncensoredHeadcount: Share(af.uncensoredHeadcounts[j]),
                contribution: af.contributions.map { Share($0[j]) })
        }
    }

    func table(_ s: Localizer) -> String {
        func f(_ share: Share) -> String { share.fraction + " (" + String(format: "%.4f", share.value) + ")" }
        var lines = [
            s.text("measures.af.heading", ["k": f(k), "population": String(population), "poor": String(poor)]),
            "H\t" + f(H), "A\t" + f(A), "M0\t" + f(M0), s.text("measures.af.columns"),
        ]
        lines += indicators.map {
            [$0.name, f($0.censoredHeadcount), f($0.uncensoredHeadcount), $0.contribution.map(f) ?? "—"].joined(separator: "\t")
        }
        return lines.joined(separator: "\n")
    }
}
