extension WorkflowTemplate {
    /// The procedures REFERENCE §3.8–3.9 names, as the seed of the template table:
    /// - identification, national: home check, data matching, appraisal, a 5-day notice,
    ///   township review, county approval, within 15 calendar days of the lead;
    /// - identification, Hainan (46): the same within 20 working days;
    /// - elimination, national: the same steps and notice, no overall deadline;
    /// - elimination, Hunan (43): Pingjiang's 7-day notice (a county's practice, unconfirmed as
    ///   the province's: an administrator can change it);
    /// - enrolment 2014 (两公示一公告) and Hunan's 两评议两公示一比对一公告, for historical records.
    public static var reference: [WorkflowTemplate] {
        // The stage lists below are literals with notice days: they always build.
        [
            try! WorkflowTemplate(
                id: "identification.national", purpose: .identification, fromYear: 2021,
                name: Label("监测对象识别（全国）", "identification (national)"), stages: monitoringStages(noticeDays: 5),
                deadlineDays: 15),
            try! WorkflowTemplate(
                id: "identification.46", purpose: .identification, region: .province("46"), fromYear: 2021,
                name: Label("监测对象识别（海南，20个工作日）", "identification (Hainan, 20 working days)"),
                stages: monitoringStages(noticeDays: 5), deadlineDays: 20, dayKind: .working),
            try! WorkflowTemplate(
                id: "elimination.national", purpose: .elimination, fromYear: 2021,
                name: Label("风险消除（全国）", "risk elimination (national)"), stages: monitoringStages(noticeDays: 5),
                deadlineDays: nil),
            try! WorkflowTemplate(
                id: "elimination.43", purpose: .elimination, region: .province("43"), fromYear: 2021,
                name: Label("风险消除（湖南，公示7天）", "risk elimination (Hunan, 7-day notice)"),
                stages: monitoringStages(noticeDays: 7), deadlineDays: nil),
            try! WorkflowTemplate(
                id: "enrolment.2014", purpose: .enrolment, fromYear: 2014,
                name: Label("贫困户识别（两公示一公告）", "enrolment (two notices, one announcement)"),
                stages: [
                    Stage(.application, level: .village), Stage(.villageAppraisal, level: .village),
                    Stage(.publicNotice, level: .village, noticeDays: 5), Stage(.townshipReview, level: .township),
                    Stage(.publicNotice, level: .township, noticeDays: 5), Stage(.countyApproval, level: .county),
                    Stage(.announcement, level: .county),
                ], deadlineDays: nil),
            try! WorkflowTemplate(
                id: "enrolment.2014.43", purpose: .enrolment, region: .province("43"), fromYear: 2014,
                name: Label("贫困户识别（两评议两公示一比对一公告）", "enrolment (Hunan: two appraisals, two notices, one check, one announcement)"),
                stages: [
                    Stage(.application, level: .village), Stage(.villageAppraisal, level: .village),
                    Stage(.representativesAppraisal, level: .village), Stage(.publicNotice, level: .village, noticeDays: 5),
                    Stage(.townshipReview, level: .township), Stage(.publicNotice, level: .township, noticeDays: 5),
                    Stage(.countyDataCheck, level: .county), Stage(.countyApproval, level: .county),
                    Stage(.announcement, level: .county),
                ], deadlineDays: nil),
        ]
    }

    static func monitoringStages(noticeDays: Int) -> [Stage] {
        [
            Stage(.homeVerification, level: .village), Stage(.dataMatching, level: .village),
            Stage(.villageAppraisal, level: .village), Stage(.publicNotice, level: .village, noticeDays: noticeDays),
            Stage(.townshipReview, level: .township), Stage(.countyApproval, level: .county),
        ]
    }
}
