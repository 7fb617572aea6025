namespace TickKernelExtensions.Display;

/// <summary>One value of a result view: its text (raw, never HTML: the renderers encode it) and its style.</summary>
internal readonly record struct ViewCell(string Text, CellStyle Style = CellStyle.None)
{
    public static implicit operator ViewCell(string text) => new(text);

    /// <summary>A count, right-aligned with thousands separators; zeros are grey.</summary>
    public static ViewCell Count(long value) =>
        new(DisplayText.Count(value), CellStyle.Number | (value == 0 ? CellStyle.Muted : CellStyle.None));

    /// <summary>A count of missing or failed things: red when above zero, grey when zero.</summary>
    public static ViewCell Problem(long value) =>
        new(DisplayText.Count(value), CellStyle.Number | (value == 0 ? CellStyle.Muted : CellStyle.Bad));

    /// <summary>A count worth a look but not a failure: amber when above zero, grey when zero.</summary>
    public static ViewCell Warning(long value) =>
        new(DisplayText.Count(value), CellStyle.Number | (value == 0 ? CellStyle.Muted : CellStyle.Warn));

    /// <summary>A right-aligned value that is not a count (bytes, prices, durations).</summary>
    public static ViewCell Number(string text) => new(text, CellStyle.Number);

    /// <summary>A fact of a heading line with a problem count: "3 missing", red when above zero, grey when zero.</summary>
    public static ViewCell ProblemFact(long value, string what) =>
        new($"{DisplayText.Count(value)} {what}", value == 0 ? CellStyle.Muted : CellStyle.Bad);

    /// <summary>A fact of a heading line worth a look: "2 suspect", amber when above zero, grey when zero.</summary>
    public static ViewCell WarningFact(long value, string what) =>
        new($"{DisplayText.Count(value)} {what}", value == 0 ? CellStyle.Muted : CellStyle.Warn);

    /// <summary>A success or failure verdict.</summary>
    public static ViewCell Verdict(bool ok, string good, string bad) =>
        ok ? new(good, CellStyle.Good) : new(bad, CellStyle.Bad | CellStyle.Strong);
}
