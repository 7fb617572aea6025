using TickKernelExtensions.Processing;

namespace TickKernelExtensions.Tests.Processing.Pipeline;

public sealed class ProgressPrinterTests
{
    [Fact]
    public void Report_EveryTenth_PrintsThoseAndTheLastAtOnce()
    {
        using var writer = new StringWriter();
        var printer = new ProgressPrinter(writer, every: 10);

        for (var done = 1; done <= 23; done++)
        {
            printer.Report(new ProcessingProgress("silver", done, 23, $"EURUSD day {done}"));
        }

        Assert.Equal("silver: 10/23 EURUSD day 10\nsilver: 20/23 EURUSD day 20\nsilver: 23/23 EURUSD day 23\n", writer.ToString().ReplaceLineEndings("\n"));
    }
}
