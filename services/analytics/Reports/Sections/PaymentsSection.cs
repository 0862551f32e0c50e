using Repitbot.Analytics.Areas;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Reports.Sections;

public static class PaymentsSection
{
    public static async Task<ReportSection> BuildAsync(ReportContext context)
    {
        var t = context.Text;
        var area = await context.Area<PaymentsArea>().GetAsync(context.Scope, context.Period, context.CancellationToken, context.Memo);
        // The amounts carry their currency ("3 500,00 ₽"); a label with the ISO code ("Выручка, RUB") repeated it in a form nobody reads.
        var kpis = area.Totals.SelectMany(c => new ReportKpi[]
        {
            new(t["revenue"], t.Money(c.RevenueMinor, c.Currency)),
            new(t["refunds"], t.Money(c.RefundsMinor, c.Currency)),
            new(t["net-revenue"], t.Money(c.NetMinor, c.Currency)),
            new(t["payments"], t.Number(c.Payments)),
            new(t["arpu"], t.Money(c.ArpuMinor, c.Currency)),
            new(t["students"], t.Number(area.ActiveStudents)),
        }).ToList();
        var methods = new ReportTable(t["by-method"], [t["method"], t["payments"], t["amount"]],
            area.ByMethod.Select(m => (IReadOnlyList<string>)[t[m.Method], t.Number(m.Count), t.Money(m.AmountMinor, m.Currency)]).ToList(), [2f, 1, 2]);
        var students = new ReportTable(t["by-student"], [t["student"], t["paid"], t["charged"], t["outstanding"], t["ltv"]],
            area.Students.Select(s => (IReadOnlyList<string>)[s.Name, t.Money(s.PaidMinor - s.RefundedMinor, s.Currency),
                t.Money(s.ChargedMinor, s.Currency), t.Money(s.OutstandingMinor, s.Currency), t.Money(s.LifetimeValueMinor, s.Currency)]).ToList());
        var csv = new ReportTable("payments", ["student_id", "currency", "paid_minor", "refunded_minor", "charged_minor", "outstanding_minor", "ltv_minor", "student_name"],
            area.Students.Select(s => (IReadOnlyList<string>)[s.StudentId.ToString(), s.Currency, ReportContext.Raw(s.PaidMinor),
                ReportContext.Raw(s.RefundedMinor), ReportContext.Raw(s.ChargedMinor), ReportContext.Raw(s.OutstandingMinor),
                ReportContext.Raw(s.LifetimeValueMinor), s.Name]).ToList());
        return new ReportSection("payments", t["payments"], kpis, [await context.ChartAsync("revenue")], [methods, students], area, csv);
    }
}
