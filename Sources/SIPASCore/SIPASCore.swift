/// Version of sipas, written into every report's methodology annex.
public enum SIPASVersion {
    public static let string = "0.1.0"
}
