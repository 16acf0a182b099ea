import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinTesting
import ZIPFoundation

/// `/uploads`: an import folder uploaded in the browser is checked whole, its report shown row by
/// row, and nothing is committed until its uploader chooses; refusals are worded.
@Suite("Upload pages")
struct UploadsRoutesTests {
    static let clock = TestClock(Date(timeIntervalSince1970: 1_654_041_600))  // 2022-06-01

    /// Two new households of 白溪村; the second's head has an ID number whose check digit is wrong.
    static func folder() -> [(filename: String, content: Data)] {
        let files: [RegistryFile: [[String]]] = [
            .households: [
                ["4304811002010011", "430481100201", "national", "general", "illness", "", "2014", "", "false", "false", "false", "", "", ""],
                ["4304811002010012", "430481100201", "national", "general", "disability", "", "2014", "", "false", "false", "false", "", "", ""],
            ],
            .statusEvents: [
                ["4304811002010011", "1", "identified", "notExited", "2014-05-01", ""],
                ["4304811002010012", "1", "identified", "notExited", "2014-05-01", ""],
            ],
            .members: [
                CSVFixture.member("4304811002010011", "head", "430481197005060013", "赵刚", "male", "1970-05-06"),
                CSVFixture.member("4304811002010012", "head", "430481196802030025", "孙丽", "female", "1968-02-03"),
            ],
        ]
        return files.map { file, rows in
            (file.fileName, Data((([file.columns] + rows).map(CSVText.line).joined(separator: "\n") + "\n").utf8))
        }
    }

    /// The upload's page once its check or import has finished.
    static func settled(_ client: some TestClientProtocol, _ location: String, _ session: TestApp.Session) async throws -> String {
        for _ in 0..<400 {
            let html = try await TestApp.page(client, location, cookie: session.cookie)
            if !html.contains("校验中") && !html.contains("导入中") { return html }
            try await Task.sleep(nanoseconds: 25_000_000)
        }
        Issue.record("the upload never settled")
        return ""
    }

    @Test func anUploadIsCheckedThenOnlyItsGoodHouseholdsAreImportedWhenChosen() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            let environment = registry.environment
            let count: @Sendable () async throws -> Int = { try await RegistryService(environment).householdCount(by: TestEnvironment.system) }
            #expect(try await count() == 2)
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let (headers, body) = session.multipart(files: Self.folder())
                let location = try await client.execute(uri: "/uploads", method: .post, headers: headers, body: body) { r in
                    #expect(r.status == .seeOther)
                    return r.headers[.location] ?? ""
                }
                #expect(location.hasPrefix("/uploads/"))
                let report = try await Self.settled(client, location, session)
                #expect(report.contains("状态：已校验，待确认"))
                #expect(report.contains("<td>members.csv</td><td class=\"num\">3</td><td>id_number</td><td>"), "the bad row by file, line and field")
                #expect(report.contains("校验位"), "with its reason")
                #expect(report.contains("3 行不能导入") && report.contains("可导入 3 行") && report.contains("仅导入无误的户"))
                #expect(!report.contains("id=\"commit\""), "no import of every row")
                let fault = report.range(of: "校验位错误")?.lowerBound, followOn = report.range(of: "整户未导入")?.lowerBound
                #expect(fault != nil && followOn != nil && fault! < followOn!, "the fault before the rows left out with its household")
                #expect(try await count() == 2, "the check committed nothing")

                let all = session.form([:])
                try await client.execute(uri: location + "/commit", method: .post, headers: all.0, body: all.1) { r in
                    #expect(r.status == .conflict, "importing every row is refused when rows were rejected")
                }
                let partial = session.form(["partial": "1"])
                try await client.execute(uri: location + "/commit", method: .post, headers: partial.0, body: partial.1) { r in
                    #expect(r.status == .seeOther)
                }
                let done = try await Self.settled(client, location, session)
                #expect(done.contains("状态：已导入") && done.contains("已导入 3 行"))
                #expect(try await count() == 3, "the good household, and only it")
                let late = session.form([:])
                try await client.execute(uri: location + "/cancel", method: .post, headers: late.0, body: late.1) { r in
                    #expect(r.status == .conflict, "an imported upload cannot be cancelled")
                }
                let list = try await TestApp.page(client, "/households?q=4304811002010011", cookie: session.cookie)
                #expect(list.contains("共 1 户"))
                let rejectedOne = try await TestApp.page(client, "/households?q=4304811002010012", cookie: session.cookie)
                #expect(rejectedOne.contains("共 0 户"))
                let csv = try await client.execute(uri: location + "/rejections.csv", method: .get, headers: session.headers)
                #expect(csv.status == .ok && String(buffer: csv.body).contains("members.csv,3,id_number,"))
                let audit = try await AuditService(registry.environment).list(
                    .init(actor: "county", action: AuditAction.importRegistry.token, scope: .everywhere), by: try await registry.user("admin"))
                #expect(audit.count == 1, "the import is audited once, the check not at all")
            }
        }
    }

    @Test func aZipIsUnpackedWhereverItsFilesSitAndACancelledUploadCommitsNothing() async throws {
        try await SmallRegistry.with(clock: Self.clock) { registry in
            let zipURL = FileManager.default.temporaryDirectory.appendingPathComponent("upload-\(UUID().uuidString).zip")
            defer { try? FileManager.default.removeItem(at: zipURL) }
            let archive = try Archive(url: zipURL, accessMode: .create)
            for (name, content) in Self.folder() {
                try archive.addEntry(
                    with: "导出/" + name, type: .file, uncompressedSize: Int64(content.count), compressionMethod: .deflate,
                    provider: { (position: Int64, size: Int) -> Data in content.subdata(in: Int(position)..<Int(position) + size) })
            }
            try archive.addEntry(
                with: "__MACOSX/._households.csv", type: .file, uncompressedSize: Int64(3),
                provider: { (_: Int64, _: Int) -> Data in Data("bad".utf8) })
            try await TestApp.make(store: registry.store, clock: registry.clock).test(.router) { client in
                let session = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                let (headers, body) = session.multipart(files: [("registry.zip", try Data(contentsOf: zipURL))])
                let location = try await client.execute(uri: "/uploads", method: .post, headers: headers, body: body) { r in
                    r.headers[.location] ?? ""
                }
                let report = try await Self.settled(client, location, session)
                #expect(report.contains("<td>households.csv</td>") && report.contains("<td>members.csv</td>") && report.contains("3 行不能导入"))
                let cancel = session.form([:])
                try await client.execute(uri: location + "/cancel", method: .post, headers: cancel.0, body: cancel.1) { r in
                    #expect(r.status == .seeOther && r.headers[.location] == "/uploads?done=cancel")
                }
                #expect(try await TestApp.page(client, location, cookie: session.cookie).contains("状态：已取消"))
                let partial = session.form(["partial": "1"])
                try await client.execute(uri: location + "/commit", method: .post, headers: partial.0, body: partial.1) { r in
                    #expect(r.status == .conflict, "a cancelled upload cannot be imported")
                }
                #expect(try await RegistryService(registry.environment).householdCount(by: TestEnvironment.system) == 2)
            }
        }
    }

    @Test func refusedUploadsAreWordedAndOthersCannotSeeAnUpload() async throws {
        let oneMegabyte: (inout TuopinConfiguration) -> Void = { $0.uploadLimitBytes = 1 << 20 }
        try await SmallRegistry.with(clock: Self.clock, configure: oneMegabyte) { registry in
            try await TestApp.make(store: registry.store, clock: registry.clock, configure: oneMegabyte).test(.router) {
                client in
                let county = try await TestApp.signIn(client, username: "county", password: SmallRegistry.password)
                func post(
                    _ session: TestApp.Session, _ files: [(filename: String, content: Data)], csrf: String? = nil
                ) async throws -> (
                    HTTPResponse.Status, String
                ) {
                    let (headers, body) = session.multipart(files: files, csrf: csrf)
                    let r = try await client.execute(uri: "/uploads", method: .post, headers: headers, body: body)
                    return (r.status, String(buffer: r.body))
                }
                let misnamed = try await post(county, [("家庭.csv", Data("a,b\n".utf8))])
                #expect(misnamed.0 == .badRequest && misnamed.1.contains("家庭.csv 不是导入格式中的文件"))
                let twice = try await post(county, [("households.csv", Data()), ("Households.CSV", Data())])
                #expect(twice.0 == .badRequest && twice.1.contains("households.csv 上传了两次"))
                let notZip = try await post(county, [("a.zip", Data("PK not really".utf8))])
                #expect(notZip.0 == .badRequest && notZip.1.contains("a.zip 不是可读取的 zip 压缩包"))
                let large = try await post(county, [("households.csv", Data(repeating: 0x41, count: 2 << 20))])
                #expect(large.0 == .contentTooLarge && large.1.contains("1 MB"))
                let forged = try await post(county, Self.folder(), csrf: "forged")
                #expect(forged.0 == .forbidden)
                var malformed = county.multipart(files: Self.folder())
                malformed.1 = ByteBuffer(string: "no parts here")
                #expect(try await client.execute(uri: "/uploads", method: .post, headers: malformed.0, body: malformed.1).status == .badRequest)

                let (headers, body) = county.multipart(files: Self.folder())
                let location = try await client.execute(uri: "/uploads", method: .post, headers: headers, body: body) { $0.headers[.location] ?? "" }
                _ = try await Self.settled(client, location, county)
                let city = try await TestApp.signIn(client, username: "city", password: SmallRegistry.password)
                #expect(try await client.execute(uri: location, method: .get, headers: city.headers).status == .notFound, "another user's upload")
                let cadre = try await TestApp.signIn(client, username: "cadre", password: SmallRegistry.password)
                #expect(try await client.execute(uri: "/uploads", method: .get, headers: cadre.headers).status == .forbidden)
                let cadreUpload = try await post(cadre, Self.folder())
                #expect(cadreUpload.0 == .forbidden)
            }
        }
    }
}
