namespace TickKernelExtensions.Modeling.Labels;

/// <summary>How an event that runs into the vertical barrier is labelled.</summary>
public enum VerticalLabel
{
    /// <summary>Label 0 (the textbook three-class form).</summary>
    Zero,
    /// <summary>The sign of the realised bid/ask return at the vertical barrier (+1, −1, or 0 if exactly flat).</summary>
    SignOfReturn,
}
