using System.Globalization;

namespace TickKernelExtensions.Tracking;

/// <summary>Formats a double as Python's <c>str(float)</c> does (<c>0.5</c>, <c>3.0</c>, <c>1e-07</c>, <c>nan</c>, <c>inf</c>), the text MLflow writes into metric files.</summary>
internal static class PythonFloat
{
    public static string Format(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        var s = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        return s.Contains('.', StringComparison.Ordinal) || s.Contains('e', StringComparison.Ordinal) ? s : s + ".0";
    }

    public static double Parse(string text, string file) =>
        text switch
        {
            "nan" or "NaN" => double.NaN,
            "inf" or "Infinity" => double.PositiveInfinity,
            "-inf" or "-Infinity" => double.NegativeInfinity,
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
            _ => throw new TrackingException(TrackingErrorKind.InvalidFormat, $"expected a number, actual '{text}'") { File = file },
        };
}
