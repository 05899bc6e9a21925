using System.Text;

namespace DagMaster.WebApi.Infrastructure.Text;

/// <summary>The path of the token a JSON reader stands on: <c>a.b[2].c</c>.</summary>
internal sealed class PathBuilder
{
    private readonly List<Frame> _frames = [];

    /// <summary>An object or array starts: it is a value of its parent.</summary>
    public void Enter(bool isArray)
    {
        Value();
        _frames.Add(new Frame(isArray));
    }

    public void Leave()
    {
        if (_frames.Count > 0)
        {
            _frames.RemoveAt(_frames.Count - 1);
        }
    }

    public void Name(string name)
    {
        if (_frames.Count > 0)
        {
            _frames[^1].Name = name;
        }
    }

    /// <summary>A value is read: in an array it is the next element.</summary>
    public void Value()
    {
        if (_frames.Count > 0 && _frames[^1].IsArray)
        {
            _frames[^1].Index++;
        }
    }

    /// <summary>The current value's path; with <paramref name="container"/> the path of the object that holds it.</summary>
    public string Current(string root, bool container = false)
    {
        var path = new StringBuilder();
        var count = container ? _frames.Count - 1 : _frames.Count;
        for (var i = 0; i < count; i++)
        {
            var frame = _frames[i];
            if (frame.IsArray)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
            else if (frame.Name is not null)
            {
                path.Append(path.Length > 0 ? "." : string.Empty).Append(frame.Name);
            }
        }

        return path.Length == 0 ? root : path.ToString();
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Name { get; set; }
    }
}
