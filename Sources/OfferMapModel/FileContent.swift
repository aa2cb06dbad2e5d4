/// What a generated file holds: text, or JSON still in its writer's memory. The JSON goes to the file as it is;
/// making a String of it first would check every byte for valid UTF-8 once more (0.5 s of CPU for the 540 MB of
/// landscape.json at 20,000 institutions).
public enum FileContent {
    case text(String)
    case json(JSONWriter)

    public var text: String {
        switch self {
        case .text(let text): text
        case .json(let writer): writer.text
        }
    }
}
