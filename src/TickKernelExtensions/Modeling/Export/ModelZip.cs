using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// Saves an ML.NET model with the input schema its <see cref="ModelSignature"/> describes, as deterministic bytes,
/// and checks a loaded model's schema against a signature. ML.NET's own zip carries the save time in each entry, so
/// two saves of the same model differ; the entries are rewritten in ordinal name order, stored (not deflated: the
/// bytes then do not depend on the runtime's zlib), with a fixed time.
/// </summary>
internal static class ModelZip
{
    /// <summary>The time of every entry (DOS time has no time zone; 1980-01-01 is its epoch, so use a safe later date).</summary>
    public static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string SlotNames = "SlotNames";

    /// <summary>The input schema: one float32 vector column whose slot names are the input columns.</summary>
    public static DataViewSchema InputSchema(ModelSignature signature)
    {
        var n = signature.VectorLength;
        var names = signature.InputColumns.Select(c => c.AsMemory()).ToArray();
        var annotations = new DataViewSchema.Annotations.Builder();
        ValueGetter<VBuffer<ReadOnlyMemory<char>>> getter = (ref VBuffer<ReadOnlyMemory<char>> value) =>
            value = new VBuffer<ReadOnlyMemory<char>>(n, (ReadOnlyMemory<char>[])names.Clone());
        annotations.Add(SlotNames, new VectorDataViewType(TextDataViewType.Instance, n), getter);
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(signature.VectorColumn, new VectorDataViewType(NumberDataViewType.Single, n), annotations.ToAnnotations());
        return builder.ToSchema();
    }

    /// <summary>Checks that <paramref name="model"/> accepts the signature's input and writes float32 <paramref name="outputs"/>.</summary>
    public static void CheckOutputs(ITransformer model, DataViewSchema input, string file, params string[] outputs)
    {
        DataViewSchema schema;
        try
        {
            schema = model.GetOutputSchema(input);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new ModelBundleException(ModelBundleErrorKind.SignatureMismatch,
                $"The model does not accept the signature's input vector: {e.Message}", e) { File = file };
        }
        foreach (var name in outputs)
        {
            var column = schema.GetColumnOrNull(name);
            if (column is not { } c || c.Type != NumberDataViewType.Single)
            {
                throw new ModelBundleException(ModelBundleErrorKind.SignatureMismatch, "The model's output schema lacks a required column.")
                {
                    File = file,
                    Field = name,
                    Expected = "Single",
                    Actual = column is { } found ? found.Type.ToString() : "missing",
                };
            }
        }
    }

    /// <summary>The model saved with <paramref name="input"/> as normalised zip bytes.</summary>
    public static byte[] Save(MLContext ml, ITransformer model, DataViewSchema input)
    {
        using var raw = new MemoryStream();
        ml.Model.Save(model, input, raw);
        return Normalise(raw.ToArray());
    }

    /// <summary>Rewrites a zip: entries in ordinal name order, stored, with <see cref="EntryTime"/>.</summary>
    public static byte[] Normalise(byte[] zip)
    {
        var entries = new List<(string Name, byte[] Bytes)>();
        using (var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        {
            foreach (var entry in archive.Entries)
            {
                using var s = entry.Open();
                using var copy = new MemoryStream();
                s.CopyTo(copy);
                entries.Add((entry.FullName, copy.ToArray()));
            }
        }
        using var output = new MemoryStream();
        using (var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, bytes) in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var entry = archive.CreateEntry(name, CompressionLevel.NoCompression);
                entry.LastWriteTime = EntryTime;
                using var s = entry.Open();
                s.Write(bytes);
            }
        }
        return output.ToArray();
    }

    /// <summary>Loads a model and checks its saved input schema against <paramref name="signature"/>, naming the first difference.</summary>
    public static ITransformer Load(MLContext ml, byte[] zip, ModelSignature signature, string file)
    {
        ITransformer model;
        DataViewSchema input;
        try
        {
            model = ml.Model.Load(new MemoryStream(zip, writable: false), out input);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or ArgumentException or IOException)
        {
            throw new ModelBundleException(ModelBundleErrorKind.Malformed, $"Not an ML.NET model: {e.Message}", e) { File = file };
        }
        CheckInput(input, signature, file);
        return model;
    }

    private static void CheckInput(DataViewSchema input, ModelSignature signature, string file)
    {
        ModelBundleException Mismatch(string field, string expected, string actual) =>
            new(ModelBundleErrorKind.SignatureMismatch, "The model's input schema does not match signature.json.")
            {
                File = file,
                Field = field,
                Expected = expected,
                Actual = actual,
            };
        if (input is null || input.GetColumnOrNull(signature.VectorColumn) is not { } column)
        {
            throw Mismatch(signature.VectorColumn, "an input column", "missing (model inputs: " + string.Join(", ", input?.Select(c => c.Name) ?? []) + ")");
        }
        if (column.Type is not VectorDataViewType vector || vector.ItemType != NumberDataViewType.Single)
        {
            throw Mismatch(signature.VectorColumn, "Vector<Single>", column.Type.ToString() ?? column.Type.RawType.Name);
        }
        if (vector.Size != signature.VectorLength)
        {
            throw Mismatch(signature.VectorColumn + " length", signature.VectorLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
                vector.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (column.Annotations.Schema.GetColumnOrNull(SlotNames) is null)
        {
            throw Mismatch(signature.VectorColumn + " slot names", string.Join(", ", signature.InputColumns), "none saved with the model");
        }
        var names = default(VBuffer<ReadOnlyMemory<char>>);
        column.Annotations.GetValue(SlotNames, ref names);
        var slots = names.DenseValues().Select(m => m.ToString()).ToList();
        for (var i = 0; i < signature.VectorLength; i++)
        {
            var actual = i < slots.Count ? slots[i] : "(none)";
            if (actual != signature.InputColumns[i])
            {
                throw Mismatch($"{signature.VectorColumn}[{i}]", $"'{signature.InputColumns[i]}'", $"'{actual}'");
            }
        }
    }
}
