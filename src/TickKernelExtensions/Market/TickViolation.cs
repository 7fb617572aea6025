using System.Globalization;

namespace TickKernelExtensions.Market;

/// <summary>One rejected tick: the issue, the field and the expected and actual values.</summary>
public readonly record struct TickViolation(TickIssue Issue, string Field, string Expected, string Actual)
{
    /// <summary>Turns the violation into the layer's exception, located at a file and line.</summary>
    public MarketDataException ToException(string? source, long? line) =>
        new(MarketDataErrorKind.InvalidTick, Description)
        {
            File = source,
            Line = line,
            Field = Field,
            Expected = Expected,
            Actual = Actual,
        };

    /// <summary>The problem in words.</summary>
    public string Description => Issue switch
    {
        TickIssue.NonFinitePrice => "price is not a finite number",
        TickIssue.NonPositivePrice => "price is not positive",
        TickIssue.ImplausiblePrice => "price is far outside the instrument's plausible range (wrong decimal factor or wrong symbol?)",
        TickIssue.CrossedQuote => "ask is below bid (crossed quote)",
        TickIssue.InvalidVolume => "volume is negative or not finite",
        TickIssue.OutOfOrder => "timestamp is earlier than the previous tick's",
        TickIssue.DuplicateTick => "tick repeats the previous tick exactly",
        _ => Issue.ToString(),
    };

    internal static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
