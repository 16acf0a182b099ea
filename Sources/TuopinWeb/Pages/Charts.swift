import Foundation
import TuopinCore

/// Charts drawn on the server as SVG: they print, scale, and need no script. Each has a title
/// (read by screen readers) and labels its values in text.
public enum Charts {
    /// Households by status per area: exited and not exited, stacked.
    public static func status(_ rows: [(name: String, exited: Int, remaining: Int)], title: String, legend: (String, String)) -> String {
        guard !rows.isEmpty else { return "" }
        let rowHeight = 22, labelWidth = 110, chartWidth = 360, top = 26
        let most = max(rows.map { $0.exited + $0.remaining }.max() ?? 1, 1)
        var out = open(title, width: labelWidth + chartWidth + 90, height: top + 8 + rowHeight * rows.count)
        out += "<rect x=\"\(labelWidth)\" y=\"6\" width=\"10\" height=\"10\" class=\"exited\"></rect>"
        out += "<text x=\"\(labelWidth + 14)\" y=\"15\">\(escape(legend.0))</text>"
        out += "<rect x=\"\(labelWidth + 120)\" y=\"6\" width=\"10\" height=\"10\" class=\"remaining\"></rect>"
        out += "<text x=\"\(labelWidth + 134)\" y=\"15\">\(escape(legend.1))</text>"
        for (i, row) in rows.enumerated() {
            let y = top + i * rowHeight
            let exited = chartWidth * row.exited / most, remaining = chartWidth * row.remaining / most
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(row.name))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(exited)\" height=\"14\" class=\"exited\"></rect>"
            out += "<rect x=\"\(labelWidth + exited)\" y=\"\(y + 4)\" width=\"\(remaining)\" height=\"14\" class=\"remaining\"></rect>"
            out += "<text x=\"\(labelWidth + exited + remaining + 6)\" y=\"\(y + 15)\">\(row.exited) / \(row.remaining)</text>"
        }
        return out + "</svg>"
    }

    /// One bar per label (monitored households by category …).
    public static func bars(_ rows: [(label: String, value: Int)], title: String) -> String {
        guard !rows.isEmpty else { return "" }
        let rowHeight = 22, labelWidth = 130, chartWidth = 300, top = 8
        let most = max(rows.map(\.value).max() ?? 1, 1)
        var out = open(title, width: labelWidth + chartWidth + 70, height: top * 2 + rowHeight * rows.count)
        for (i, row) in rows.enumerated() {
            let y = top + i * rowHeight, width = chartWidth * row.value / most
            out += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(row.label))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 4)\" width=\"\(max(width, 1))\" height=\"14\" rx=\"2\"></rect>"
            out += "<text x=\"\(labelWidth + width + 6)\" y=\"\(y + 15)\">\(row.value)</text>"
        }
        return out + "</svg>"
    }

    /// A line over years (incidence by year, in percent), each point labelled.
    public static func line(_ points: [(year: Int, value: FixedDecimal?)], title: String, unit: String = "%") -> String {
        let known = points.compactMap { p in p.value.map { (p.year, $0) } }
        guard !known.isEmpty else { return "" }
        let left = 40, width = 440, height = 200, top = 16, step = points.count > 1 ? width / (points.count - 1) : 0
        let most = max(known.map { Double($0.1.scaled) / pow(10, Double($0.1.places)) }.max() ?? 1, 0.01)
        func y(_ v: FixedDecimal) -> Int { top + height - Int(Double(height) * (Double(v.scaled) / pow(10, Double(v.places))) / most) }
        var out = open(title, width: left + width + 40, height: top + height + 30)
        out += "<line x1=\"\(left)\" y1=\"\(top + height)\" x2=\"\(left + width)\" y2=\"\(top + height)\" class=\"axis\"></line>"
        var path = ""
        for (i, p) in points.enumerated() {
            let x = left + i * step
            out += "<text x=\"\(x)\" y=\"\(top + height + 18)\" text-anchor=\"middle\">\(p.year)</text>"
            guard let v = p.value else { continue }
            path += (path.isEmpty ? "M" : " L") + "\(x) \(y(v))"
            out += "<circle cx=\"\(x)\" cy=\"\(y(v))\" r=\"3\"></circle>"
            out += "<text x=\"\(x)\" y=\"\(y(v) - 7)\" text-anchor=\"middle\">\(v.text)\(escape(unit))</text>"
        }
        return out + "<path d=\"\(path)\" class=\"line\"></path></svg>"
    }

    /// A Lorenz curve over the line of equality, from (0, 0) to (1, 1).
    public static func lorenz(_ points: [LorenzPoint], gini: Double?, title: String) -> String {
        guard points.count > 1 else { return "" }
        let left = 40, size = 260, top = 10
        // At most 200 points: a province's curve needs no more to be drawn.
        let stride = max(1, points.count / 200)
        let shown = points.enumerated().filter { $0.offset % stride == 0 || $0.offset == points.count - 1 }.map(\.element)
        func px(_ p: LorenzPoint) -> String {
            String(format: "%.1f %.1f", Double(left) + p.population * Double(size), Double(top + size) - p.income * Double(size))
        }
        var out = open(title, width: left + size + 30, height: top + size + 40)
        out += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(size)\" height=\"\(size)\" class=\"frame\"></rect>"
        out += "<line x1=\"\(left)\" y1=\"\(top + size)\" x2=\"\(left + size)\" y2=\"\(top)\" class=\"axis\"></line>"
        out += "<path d=\"M" + shown.map(px).joined(separator: " L") + "\" class=\"line\"></path>"
        if let gini { out += "<text x=\"\(left + 8)\" y=\"\(top + 18)\">Gini \(String(format: "%.4f", gini))</text>" }
        return out + "</svg>"
    }

    /// A chart as a file of its own: the page's chart styles inside it (a page gets them from
    /// its style sheet, as its content-security policy allows no inline style).
    public static func standalone(_ svg: String) -> String {
        guard let end = svg.range(of: "</title>") else { return svg }
        let style =
            "<style>text{font:12px \"Noto Sans CJK SC\",sans-serif;fill:#1f2933}rect{fill:#b3261e}rect.exited{fill:#1e6b3a}"
            + "rect.frame{fill:none;stroke:#d9e2ec}.axis{stroke:#52606d;stroke-dasharray:4 3}path.line{fill:none;stroke:#b3261e;stroke-width:2}"
            + "circle{fill:#b3261e}</style>"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg.replacingCharacters(in: end, with: "</title>" + style)
    }

    static func open(_ title: String, width: Int, height: Int) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(escape(title))\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" class=\"chart\"><title>\(escape(title))</title>"
    }

    static func escape(_ s: String) -> String { IncidenceChart.escape(s) }
}
