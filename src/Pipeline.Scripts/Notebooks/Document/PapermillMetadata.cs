using System.Globalization;
using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Notebooks.Document;

/// <summary>
/// papermill's execution metadata: per cell <c>metadata.papermill</c> = {duration, end_time,
/// exception, start_time, status}, per notebook {start_time, end_time, duration, exception,
/// parameters, default_parameters, input_path, output_path}. Times are ISO 8601 UTC with
/// microseconds; durations are seconds.
/// </summary>
public static class PapermillMetadata
{
    /// <summary>The key of papermill's metadata objects.</summary>
    public const string Key = "papermill";

    /// <summary>A cell not run yet (or never reached after a failure).</summary>
    public const string Pending = "pending";

    /// <summary>The cell being run.</summary>
    public const string Running = "running";

    /// <summary>A cell that ran to its end.</summary>
    public const string Completed = "completed";

    /// <summary>The cell that stopped the run.</summary>
    public const string Failed = "failed";

    /// <summary>papermill's time format: ISO 8601 in UTC with microseconds.</summary>
    public static string Timestamp(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture);

    /// <summary>Clears a cell for a new run: status pending, no times; code cells lose their outputs and execution count.</summary>
    public static void ResetCell(NotebookCell cell)
    {
        cell.Metadata[Key] = new JsonObject
        {
            ["duration"] = null,
            ["end_time"] = null,
            ["exception"] = null,
            ["start_time"] = null,
            ["status"] = Pending,
        };
        if (cell.IsCode)
        {
            cell.SetExecutionCount(null);
            cell.SetOutputs([]);
        }
    }

    /// <summary>Marks a cell running from <paramref name="start"/>.</summary>
    public static void StartCell(NotebookCell cell, DateTimeOffset start)
    {
        var papermill = Cell(cell);
        papermill["start_time"] = Timestamp(start);
        papermill["status"] = Running;
        papermill["exception"] = false;
    }

    /// <summary>Marks a cell completed, or failed when <paramref name="failed"/>, at <paramref name="end"/>.</summary>
    public static void CompleteCell(NotebookCell cell, DateTimeOffset start, DateTimeOffset end, bool failed)
    {
        var papermill = Cell(cell);
        papermill["duration"] = Seconds(end - start);
        papermill["end_time"] = Timestamp(end);
        papermill["exception"] = failed;
        papermill["status"] = failed ? Failed : Completed;
    }

    /// <summary>Records the run's start on the notebook.</summary>
    public static void StartNotebook(JsonObject metadata, DateTimeOffset start)
    {
        var papermill = Notebook(metadata);
        papermill["start_time"] = Timestamp(start);
        papermill["end_time"] = null;
        papermill["duration"] = null;
        papermill["exception"] = null;
    }

    /// <summary>Records the run's end on the notebook; <paramref name="exception"/> is true when a cell failed.</summary>
    public static void CompleteNotebook(JsonObject metadata, DateTimeOffset start, DateTimeOffset end, bool exception)
    {
        var papermill = Notebook(metadata);
        papermill["end_time"] = Timestamp(end);
        papermill["duration"] = Seconds(end - start);
        papermill["exception"] = exception;
    }

    /// <summary>The notebook's <c>metadata.papermill</c>, created when missing.</summary>
    public static JsonObject Notebook(JsonObject metadata)
    {
        if (metadata[Key] is JsonObject papermill)
        {
            return papermill;
        }
        var created = new JsonObject();
        metadata[Key] = created;
        return created;
    }

    private static JsonObject Cell(NotebookCell cell)
    {
        if (cell.Metadata[Key] is JsonObject papermill)
        {
            return papermill;
        }
        ResetCell(cell);
        return (JsonObject)cell.Metadata[Key]!;
    }

    private static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 6);
}
