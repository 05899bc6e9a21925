using System.Buffers;
using System.Text;
using System.Text.Json;

namespace DagMaster.Domain.Workflows.Templates;

/// <summary>
/// Compact JSON of template values (<see cref="TemplateValues.ToJson"/>) with one buffer and writer reused for every
/// value: a fan-out writes the params of 100,000 children one after another. Not thread-safe.
/// </summary>
public sealed class TemplateJsonWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);
    private readonly Utf8JsonWriter _writer;

    public TemplateJsonWriter() => _writer = TemplateJson.NewWriter(_buffer);

    public string Serialize(object? value)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        TemplateJson.Write(_writer, value);
        _writer.Flush();
        return Encoding.UTF8.GetString(_buffer.WrittenSpan);
    }
}
