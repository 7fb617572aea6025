using Microsoft.DotNet.Interactive.Formatting;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// Turns the Formatting package's displayed values (from <c>display(...)</c>, <c>x.Display()</c> and
/// <c>DisplayedValue.Update</c>) into <see cref="DisplayDataOutput"/>s of the cell that raised
/// them. Subscribed once per process: the package's subscription list is static.
/// </summary>
public static class DisplayRouter
{
    private static readonly Lock Gate = new();
    private static IDisposable? _subscription;

    /// <summary>Subscribes to displayed values; later calls do nothing.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            _subscription ??= Formatter.SubscribeToDisplayedValues(OnDisplayed);
        }
    }

    /// <summary>
    /// Displays <paramref name="value"/> in the running cell and returns the handle whose
    /// <c>Update</c> replaces that very output. (The package's own <c>.Display()</c> raises its
    /// event with a copy whose id differs from the handle it returns, so an update of such a
    /// display cannot be matched and is shown as a new output instead.)
    /// </summary>
    public static DisplayedValue Show(object? value, string[] mimeTypes)
    {
        var displayed = new DisplayedValue(value!, FormattedValue.CreateManyFromObject(value!, mimeTypes));
        OnDisplayed(displayed);
        return displayed;
    }

    /// <summary>The output for a displayed value: its formatted values plus <c>text/plain</c>, without HTML that only wraps the plain text.</summary>
    public static DisplayDataOutput ToOutput(DisplayedValue displayed)
    {
        var items = displayed.FormattedValues.Select(f => new KeyValuePair<string, string>(f.MimeType, f.Value)).ToList();
        if (!items.Exists(i => i.Key == MimeBundle.PlainText))
        {
            items.Add(new(MimeBundle.PlainText, ValueFormatter.Format(displayed.Value)[MimeBundle.PlainText]));
        }
        var bundle = new MimeBundle(items);
        if (bundle.TryGetValue(MimeBundle.Html, out var html) && ValueFormatter.IsPlainWrapper(html, bundle[MimeBundle.PlainText]))
        {
            bundle = new MimeBundle(bundle.Where(i => i.Key != MimeBundle.Html));
        }
        return new DisplayDataOutput(bundle, displayed.DisplayId, displayed.IsUpdated);
    }

    private static void OnDisplayed(DisplayedValue displayed)
    {
        if (ConsoleRouter.Current is { } context)
        {
            context.Publish(ToOutput(displayed));
        }
        else
        {
            // Displayed outside any cell (e.g. from a timer the host started): keep it visible in the host's log.
            Formatter.WriteToConsole(displayed);
        }
    }
}
