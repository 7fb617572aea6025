namespace Pipeline.Scripts.Export;

/// <summary>A notebook cannot be exported: an unreadable file, or a cell using something a file-based app cannot express.</summary>
public sealed class ExportException(string message) : Exception(message);
