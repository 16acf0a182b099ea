import Foundation
import TuopinCore

/// A horizontal bar chart of incidence by area, drawn as SVG on the server (prints, needs no script).
enum IncidenceChart {
    static func svg(_ bars: [(name: String, incidence: Incidence)], title: String) -> String {
        guard !bars.isEmpty else { return "" }
        let rowHeight = 22, labelWidth = 110, chartWidth = 360, top = 8
        let maxScaled = max(bars.compactMap { $0.incidence.percent?.scaled }.max() ?? 1, 1)
        var out =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(escape(title))\" "
            + "width=\"\(labelWidth + chartWidth + 60)\" height=\"\(top * 2 + rowHeight * bars.count)\" class=\"chart\">"
        for (i, bar) in bars.enumerated() {
            let y = top + i * rowHeight
            let scaled = bar.incidence.percent?.scaled ?? 0
            let width = Int(Int64(chartWidth) * scaled / maxScaled)
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(bar.name))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(max(width, 1))\" height=\"14\" rx=\"2\"></rect>"
            out += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(bar.incidence.percent.map { $0.text + "%" } ?? "—")</text>"
        }
        return out + "</svg>"
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
