using Repitbot.LoadTester.Baselines;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Report;

namespace Repitbot.LoadTester.Tests;

/// <summary>peak-memory: the peak and the parts of a live process's memory, and their line in the table against the 200 MB target.</summary>
public class PeakMemoryTests
{
    [Fact]
    public void A_live_process_has_a_peak_at_least_its_current_memory_made_of_heap_files_and_code_with_a_smaller_pss()
    {
        var row = Assert.Single(PeakMemory.Read([$"tests={Environment.ProcessId}"]).Rows);
        var m = row.Extra;
        Assert.True(m["currentMiB"] > 0 && m["peakMiB"] >= m["currentMiB"], $"peak {m["peakMiB"]}, current {m["currentMiB"]}");
        // RssAnon + RssFile + RssShmem is VmRSS, each rounded to 0.1 MiB and read a moment apart.
        Assert.InRange(m["anonMiB"] + m["fileMiB"] + m["shmemMiB"], m["currentMiB"] * 0.9, m["currentMiB"] * 1.1);
        Assert.InRange(m["pssMiB"], 1, m["currentMiB"] * 1.1);
    }

    [Fact]
    public void A_process_that_is_gone_is_named_not_counted()
    {
        var row = Assert.Single(PeakMemory.Read(["gone=2147483646"]).Rows);
        Assert.Empty(row.Extra);
        Assert.Contains("not running", row.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_table_judges_each_peak_against_200_MiB_and_says_what_the_memory_was_made_of()
    {
        var folder = Directory.CreateTempSubdirectory("peak-memory-").FullName;
        try
        {
            var result = new ScenarioResult
            {
                Scenario = "peak-memory", Label = "peak memory", StartedAt = DateTimeOffset.UtcNow,
                Rows =
                [
                    new RowResult { Name = "gateway", Extra = new() { ["peakMiB"] = 168, ["anonMiB"] = 60, ["fileMiB"] = 90, ["shmemMiB"] = 40, ["pssMiB"] = 120 } },
                    new RowResult { Name = "notification", Extra = new() { ["peakMiB"] = 230.4 } },
                ],
            };
            await JsonReport.WriteAsync(result, Path.Combine(folder, "peak-memory.json"));

            var figures = Figures.From(new ResultSet(folder));
            var gateway = figures.Single(f => f.Name == "peak memory: gateway");
            Assert.Equal(("168 MiB (VmHWM)", true), (gateway.Value, gateway.Met));
            Assert.Equal("at the end: heap and native 60, files 90, code 40 MiB; PSS 120 MiB", gateway.Note);
            var notification = figures.Single(f => f.Name == "peak memory: notification");
            Assert.Equal(("230 MiB (VmHWM)", false, null), (notification.Value, notification.Met, notification.Note));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
