using System.Globalization;
using System.Text;
using Interview.Core.Agent;

namespace Interview.Core.Llm;

/// <summary>
/// Reads the interviewer's words out of a structured reply while it streams: the string value of the top-level
/// <c>"text"</c> field of the JSON object, unescaped, written to <paramref name="text"/> chunk by chunk. The schema puts
/// only the short decision fields before <c>text</c>, so the words start early. When the text string closes and
/// <paramref name="acceptHead"/> accepts the reply so far (the JSON up to that closing quote), the words are
/// <see cref="IReplyText.Complete"/>: the last sentence is spoken without waiting for the notes that follow.
/// Everything else in the JSON is only scanned past.
/// </summary>
public sealed class ReplyTextStream(IReplyText text, Func<string, bool>? acceptHead = null) : IContentStream
{
    private const string Field = "text";
    private readonly StringBuilder _key = new();
    private readonly StringBuilder _unicode = new();
    private readonly StringBuilder _raw = new();
    private int _depth;
    private bool _inString, _escaped, _readingKey, _afterColon, _inText, _done;
    private string? _lastKey, _head;

    public void Append(string chunk)
    {
        var words = new StringBuilder();
        foreach (var c in chunk)
        {
            _raw.Append(c);
            Step(c, words);
        }

        if (words.Length > 0)
        {
            text.Write(words.ToString());
        }

        if (_head is { } head)
        {
            _head = null;
            if (acceptHead?.Invoke(head) == true)
            {
                text.Complete();
            }
        }
    }

    public void Restart()
    {
        (_depth, _inString, _escaped, _readingKey, _afterColon, _inText, _done, _lastKey, _head) =
            (0, false, false, false, false, false, false, null, null);
        _key.Clear();
        _unicode.Clear();
        _raw.Clear();
        text.Restart();
    }

    private void Step(char c, StringBuilder words)
    {
        if (_inString)
        {
            InString(c, words);
            return;
        }

        switch (c)
        {
            case '{' or '[':
                _depth++;
                break;
            case '}' or ']':
                _depth--;
                break;
            case ':' when _depth == 1:
                _afterColon = true;
                break;
            case ',':
                _afterColon = false;
                break;
            case '"':
                _inString = true;
                _readingKey = _depth == 1 && !_afterColon;
                _inText = _depth == 1 && _afterColon && _lastKey == Field && !_done;
                _key.Clear();
                break;
        }
    }

    private void InString(char c, StringBuilder words)
    {
        if (_unicode.Length > 0)
        {
            _unicode.Append(c);
            if (_unicode.Length == 5)
            {
                Emit((char)int.Parse(_unicode.ToString(1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture), words);
                _unicode.Clear();
            }

            return;
        }

        if (_escaped)
        {
            _escaped = false;
            if (c == 'u')
            {
                _unicode.Append('u');
                return;
            }

            Emit(c switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => c }, words);
            return;
        }

        if (c == '\\')
        {
            _escaped = true;
            return;
        }

        if (c == '"')
        {
            _inString = false;
            if (_readingKey)
            {
                _lastKey = _key.ToString();
            }

            if (_inText)
            {
                (_done, _head) = (true, _raw.ToString());
            }

            _inText = false;
            _afterColon = false;
            return;
        }

        Emit(c, words);
    }

    private void Emit(char c, StringBuilder words)
    {
        if (_readingKey)
        {
            _key.Append(c);
        }
        else if (_inText)
        {
            words.Append(c);
        }
    }
}
