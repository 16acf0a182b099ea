import Testing
import TuopinCore

@testable import TuopinWeb

/// The server-drawn SVG charts: values in text beside proportional marks, names escaped.
@Suite("SVG charts")
struct ChartsTests {
    @Test func statusBarsAreProportionalAndLabelled() {
        let svg = Charts.status([("耒阳<市>", 300, 60), ("衡东县", 150, 0)], title: "户数", legend: ("已脱贫", "未脱贫"))
        // The longest bar (360 households) spans the 360-pixel chart: 300 exited, 60 not.
        #expect(svg.contains("width=\"300\" height=\"14\" class=\"exited\""))
        #expect(svg.contains("width=\"60\" height=\"14\" class=\"remaining\""))
        #expect(svg.contains("width=\"150\" height=\"14\" class=\"exited\""))
        #expect(svg.contains(">300 / 60<") && svg.contains("耒阳&lt;市&gt;") && svg.contains("<title>户数</title>"))
        #expect(Charts.status([], title: "x", legend: ("a", "b")).isEmpty)
    }

    @Test func theIncidenceLineLabelsEveryYearAndSkipsUnknownOnes() throws {
        let svg = Charts.line([(2014, try FixedDecimal("3.53")), (2015, nil), (2016, try FixedDecimal("0.18"))], title: "发生率")
        #expect(svg.contains(">2014<") && svg.contains(">2015<") && svg.contains(">2016<"))
        #expect(svg.contains(">3.53%<") && svg.contains(">0.18%<"))
        // The highest point touches the top; the path joins the two known years only.
        #expect(svg.contains("<circle cx=\"40\" cy=\"16\"") && svg.contains("d=\"M40 16 L480 "))
    }

    @Test func theLorenzCurveRunsCornerToCorner() {
        let m = PovertyMeasures([100, 110, 150, 160].map { .init(income: $0) }, line: 125)
        let svg = Charts.lorenz(m.lorenz, gini: m.gini, title: "洛伦兹曲线")
        #expect(svg.contains("d=\"M40.0 270.0 L") && svg.contains("L300.0 10.0\""))
        #expect(svg.contains("Gini 0.1058"), "2 × 1410 / 2080 − 5/4")
        let file = Charts.standalone(svg)
        #expect(file.hasPrefix("<?xml") && file.contains("<style>"))
        #expect(!svg.contains("<style>"), "inline pages take their styles from the style sheet (CSP)")
    }
}
