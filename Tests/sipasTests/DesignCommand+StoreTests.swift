import Foundation
import SIPASTestSupport
import Testing

/// `sipas design` with a survey store and the report: weights written into a stored batch,
/// reserve clusters and maximum-entropy draws from the command line, field work in the report's
/// data-quality annex.
struct DesignCommandStoreTests {
    typealias CLI = CommandLineTests

    /// 2 000 synthetic answers and a plan: every answered form (design weight 10) plus 40 unanswered
    /// forms in the first answer's province and commune.
    static func answersAndPlan(in folder: URL) throws -> (answers: String, plan: String, first: [String]) {
        let answers = folder.appendingPathComponent("answers.csv").path
        let run = try CLI.sipas(
            [
                "sample", "--instrument", "sipas-2023", "--year", "2025", "--rows", "2000", "--seed", "5", "--output",
                answers,
            ], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let returned = try DesignCommandTests.csv(answers)
        let ids = DesignCommandTests.column(returned, "form_id")
        let provinces = DesignCommandTests.column(returned, "province_code")
        let communes = DesignCommandTests.column(returned, "commune_code")
        var lines = ["form_id,province_code,commune_code,role,design_weight"]
        lines += ids.indices.map { "\(ids[$0]),\(provinces[$0]),\(communes[$0]),main,10" }
        lines += (1...40).map { "missing-\($0),\(provinces[0]),\(communes[0]),main,10" }
        let plan = folder.appendingPathComponent("plan.csv")
        try (lines.joined(separator: "\n") + "\n").write(to: plan, atomically: true, encoding: .utf8)
        return (answers, plan.path, [provinces[0], communes[0]])
    }

    @Test func weightsWrittenIntoTheStoreAreTheOnesAnalyzed() throws {
        let folder = try Fixtures.temporaryDirectory()
        let (answers, plan, _) = try Self.answersAndPlan(in: folder)
        let store = folder.appendingPathComponent("sipas.db").path
        #expect(try CLI.sipas(["import", answers, "--store", store], in: folder).status == 0)
        let before = try CLI.sipas(
            ["analyze", "--store", store, "--year", "2025", "--format", "json", "--by", "province_code"], in: folder)
        let weighted = folder.appendingPathComponent("weighted.csv").path
        let run = try CLI.sipas(
            [
                "design", "weights", "--sample", plan, "--responses", answers, "--id", "form_id", "--cells",
                "province_code",
                "--output", weighted, "--store", store, "--batch", "answers.csv", "--lang", "en",
            ], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "batch 'answers.csv' (#1) replaced by batch #2 with the weights of weighted.csv (2000 responses)"),
            "\(run.stderr)")
        let fromFile = try CLI.sipas(["analyze", weighted, "--format", "json", "--by", "province_code"], in: folder)
        let fromStore = try CLI.sipas(
            ["analyze", "--store", store, "--year", "2025", "--format", "json", "--by", "province_code"], in: folder)
        #expect(fromStore.status == 0, "\(fromStore.stderr)")
        // The same JSON, the synthetic-data marker too: the weighted copy keeps the batch's synthetic rows.
        #expect(!fromFile.stdout.isEmpty && fromStore.stdout == fromFile.stdout)
        #expect(fromStore.stdout.contains("\"data_source\" : \"synthetic\""))
        #expect(fromStore.stdout != before.stdout)  // the first province's respondents now carry its 40 missing forms
        // The stored weights are the file's: the export's _weight column by form id.
        let exported = folder.appendingPathComponent("export.csv").path
        #expect(try CLI.sipas(["store", "export", "--store", store, "--output", exported], in: folder).status == 0)
        let table = try DesignCommandTests.csv(weighted)
        let back = try DesignCommandTests.csv(exported)
        let expected = Dictionary(
            uniqueKeysWithValues: zip(
                DesignCommandTests.column(table, "form_id"), DesignCommandTests.column(table, "weight")))
        let stored = zip(DesignCommandTests.column(back, "form_id"), DesignCommandTests.column(back, "_weight"))
        #expect(stored.allSatisfy { Double(expected[$0.0] ?? "") == Double($0.1) } && back.rows.count == 2000)
        #expect(
            DesignCommandTests.column(back, "weight")
                == DesignCommandTests.column(back, "form_id").map { expected[$0]! })
        // The audit trail: the old batch replaced by the weighted one, named by its file.
        let batches = try CLI.sipas(["store", "batches", "--store", store, "--lang", "en"], in: folder)
        #expect(
            batches.stdout.contains("replaced by #2") && batches.stdout.contains("weighted.csv"), "\(batches.stdout)")
        // The same weights again: that file is already in force.
        let again = try CLI.sipas(
            [
                "design", "weights", "--sample", plan, "--responses", answers, "--id", "form_id", "--cells",
                "province_code",
                "--output", weighted, "--store", store, "--batch", "answers.csv", "--lang", "en",
            ], in: folder)
        #expect(again.status == 65, "\(again.stderr)")
    }

    @Test func storeWithoutBatchIsAUsageError() throws {
        let folder = try Fixtures.temporaryDirectory()
        let run = try CLI.sipas(
            [
                "design", "weights", "--sample", "a.csv", "--responses", "b.csv", "--id", "x", "--output", "c.csv",
                "--store", "s.db", "--lang", "en",
            ], in: folder)
        #expect(run.status == 64)
        #expect(run.stderr.contains("error: --store and --batch go together"))
    }

    @Test func reportAnnexShowsFieldWorkAgainstThePlan() throws {
        let folder = try Fixtures.temporaryDirectory()
        let (answers, plan, first) = try Self.answersAndPlan(in: folder)
        let out = folder.appendingPathComponent("report")
        let run = try CLI.sipas(
            [
                "report", answers, "--sample", plan, "--progress-by", "province_code,commune_code", "--out", out.path,
                "--format", "md,csv,xlsx", "--lang", "en",
            ], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        let table = try DesignCommandTests.csv(out.appendingPathComponent("csv/quality_fieldwork.csv").path)
        let provinces = table.rows.filter { $0[0] == "province_code" }
        #expect(provinces.map { Int($0[2])! }.reduce(0, +) == 2040)
        #expect(provinces.map { Int($0[4])! }.reduce(0, +) == 2000)
        let flags = DesignCommandTests.column(table, "behind")
        let groups = DesignCommandTests.column(table, "group")
        #expect(
            groups.indices.filter { flags[$0] == "behind" }.map { groups[$0] } == [
                first[0], first[0] + " / " + first[1],
            ])
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(
            markdown.contains("Annex: field work against the plan")
                && markdown.contains("groups behind (below 80 %): 2"))
    }

    @Test func maxEntropyDrawWithReserveClusters() throws {
        let folder = try Fixtures.temporaryDirectory()
        let out = folder.appendingPathComponent("communes.csv").path
        let plain = folder.appendingPathComponent("plain.csv").path
        let arguments = [
            "design", "draw", "--frame", DesignCommandTests.frame2025, "--id", "commune_code", "--size", "households",
            "--strata", "province_code", "--n", "102", "--allocation", "equal", "--method", "pps-maxentropy", "--seed",
            "9",
        ]
        let run = try CLI.sipas(arguments + ["--reserve-clusters", "2", "--output", out, "--lang", "en"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stderr.contains("102 units of 3305 (34 strata, 0 certainty units, 68 reserve units), 170 rows"),
            "\(run.stderr)")
        #expect(try CLI.sipas(arguments + ["--output", plain], in: folder).status == 0)
        let table = try DesignCommandTests.csv(out)
        let main = try DesignCommandTests.csv(plain)
        let ranks = DesignCommandTests.column(table, "reserve_rank")
        #expect(
            ranks.filter { $0 == "0" }.count == 102 && ranks.filter { $0 == "1" }.count == 34
                && ranks.filter { $0 == "2" }.count == 34)
        // The selection is the one drawn without reserves.
        let selected = table.rows.filter { $0[table.header.firstIndex(of: "reserve_rank")!] == "0" }.map { $0[2] }
        #expect(selected == DesignCommandTests.column(main, "commune_code"))
        #expect(Set(table.rows.map { $0[2] }).count == 170)
    }
}
