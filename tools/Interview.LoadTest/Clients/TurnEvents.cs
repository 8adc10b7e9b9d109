using System.Text.Json.Nodes;

namespace Interview.LoadTest.Clients;

/// <summary>
/// A streamed turn's events read whole: the done event's data is the body a buffered request gets (200); an error event
/// is a problem with its own status; text events with reset: true are counted (the line started over).
/// </summary>
public static class TurnEvents
{
    public static (int Status, JsonNode? Body, int Resets) Read(string stream)
    {
        var resets = 0;
        string? name = null;
        foreach (var line in stream.Split('\n'))
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..].Trim();
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var data = JsonNode.Parse(line["data: ".Length..]);
                resets += name == "text" && data?["reset"]?.GetValue<bool>() == true ? 1 : 0;
                if (name is "done" or "error")
                {
                    return (name == "done" ? 200 : (int?)data?["status"] ?? 500, data, resets);
                }
            }
        }

        return (0, null, resets); // the stream broke off before its last event
    }
}
