using System.Text;

namespace AfterSales.Modules.Shared;

/// <summary>RFC 4180 records: comma-separated, fields in double quotes may hold commas, quotes ("") and line breaks.</summary>
public static class CsvRecords
{
    /// <returns>Each record with the line it starts on (1-based).</returns>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Parse(string text) => Parse(new StringReader(text));

    /// <summary>Reads record by record, so a large file is never held as one string.</summary>
    /// <returns>Each record with the line it starts on (1-based).</returns>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Parse(TextReader reader)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var recordLine = 1;
        int next;
        while ((next = reader.Read()) >= 0)
        {
            var c = (char)next;
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"')
                {
                    field.Append('"');
                    reader.Read();
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (recordLine, fields);
                    fields = [];
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            yield return (recordLine, fields);
        }
    }
}
