import ArgumentParser
import TuopinCore
import TuopinServices
import TuopinStore
import TuopinWeb

/// Turns an error into a worded message and a non-zero exit, never a stack trace.
enum Failure {
    static func message(_ error: any Error) -> String {
        let s = Console.strings
        switch error {
        case let e as Store.OpenError:
            if case .cannotOpen(let location, let reason) = e { return s.text("error.database.open", ["location": location, "reason": reason]) }
        case let e as StatisticsService.StatisticsError:
            if case .unknownArea(let code) = e { return s.text("error.area.unknown", ["code": code]) }
        case let e as AdminCode.ParseError:
            return s.text("error.area.invalid", ["reason": Rejections.adminCode(e, Console.strings)])
        case let e as CivilDate.ParseError:
            if case .notADate(let text) = e { return s.text("error.date.invalid", ["text": text]) }
        case let e as DemoLoader.LoadError:
            switch e {
            case .registryNotEmpty(let n): return s.text("error.demo.notEmpty", ["households": s.count(n)])
            case .unknownCounty(let code): return s.text("error.demo.unknownCounty", ["code": code])
            }
        case let e as RegistryImport.ReadError:
            switch e {
            case .noFiles(let d): return s.text("error.import.noFiles", ["directory": d])
            case .unreadable(let f): return s.text("error.import.unreadable", ["file": f])
            }
        default: break
        }
        return s.text("error.unexpected", ["reason": String(describing: type(of: error))])
    }

    /// Prints the message and exits 1.
    static func exit(_ error: any Error) -> ExitCode {
        Console.err("tuopin: " + message(error))
        return ExitCode(1)
    }
}
