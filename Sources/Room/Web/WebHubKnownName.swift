import Core
import Store

/// After "stop new joins" a name the session knows still comes back (Joining then asks its
/// proof: the phone's cookie or the rejoin code); only newcomers are refused, in words.
extension WebHub {
    static let noNewcomers = LocalizedText(
        nl: "De zaal neemt geen nieuwe deelnemers meer aan. Deed je al mee? Gebruik dezelfde naam en je terugkomcode.",
        en: "The room takes no new participants. Did you take part already? Use the same name and your rejoin code.")

    /// Whether `raw` is a name someone joined this session under (however it is spelled).
    func knownName(_ raw: String) -> Bool {
        guard case .success(let clean) = ParticipantName.check(raw), let key = try? handle.participantKey(for: clean) else {
            return false
        }
        return handle.state.participants[key] != nil
    }
}
