namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>A value shown with <c>display(...)</c> or <c>.Display()</c> during a cell.</summary>
/// <param name="Data">The value formatted for each MIME type.</param>
/// <param name="DisplayId">
/// Identifies the display so that <c>DisplayedValue.Update</c> can replace it; an update carries the
/// same id with <paramref name="IsUpdate"/> set, and replaces the earlier output's data in place.
/// </param>
/// <param name="IsUpdate">True when this replaces the data of an earlier output with the same id.</param>
public sealed record DisplayDataOutput(MimeBundle Data, string? DisplayId = null, bool IsUpdate = false) : CellOutput;
