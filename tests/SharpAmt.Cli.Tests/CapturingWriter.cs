using System.Text;

namespace SharpAmt.Cli.Tests;

/// <summary>A writer that can be read while another thread writes to it (amt sim logs from device threads).</summary>
internal sealed class CapturingWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_lock)
        {
            _text.Append(buffer, index, count);
        }
    }

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }
}
