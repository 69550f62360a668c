import Core
import XCTest

@testable import Room

final class RoomCodeTests: XCTestCase {
    func testGivenCodesAreFourToTwelveDigits() {
        XCTAssertEqual(RoomCode("4821")?.digits, "4821")
        XCTAssertEqual(RoomCode("123456")?.digits, "123456")
        XCTAssertEqual(RoomCode("1234 5678")?.digits, "12345678")
        XCTAssertEqual(RoomCode("12345678")?.grouped, "1234 5678")
        XCTAssertNil(RoomCode("123"))
        XCTAssertNil(RoomCode("1234567890123"))
        XCTAssertNil(RoomCode("12a4"))
        XCTAssertNil(RoomCode("١٢٣٤"))  // Arabic-Indic digits are numbers, but nobody can type them on a Dutch laptop
    }

    func testMadeUpCodesAreDigitsWithoutLeadingZero() {
        XCTAssertEqual(RoomCode.random().digits.count, 8, "the default code is eight digits")
        for length in [4, 5, 6, 8] {
            for _ in 0..<50 {
                let c = RoomCode.random(length: length)
                XCTAssertEqual(c.digits.count, length)
                XCTAssertNotEqual(c.digits.first, "0")
                XCTAssertNotNil(RoomCode(c.digits))
            }
        }
    }

    func testMatchesOnlyTheExactCode() {
        let c = RoomCode("4821")!
        XCTAssertTrue(c.matches("4821"))
        XCTAssertFalse(c.matches("4822"))
        XCTAssertFalse(c.matches("482"))
        XCTAssertFalse(c.matches("48210"))
        XCTAssertFalse(c.matches(""))
        XCTAssertTrue(c.matches("48 21"), "spaces between groups do not count")
        XCTAssertFalse(c.matches("4821 0"))
    }
}

final class AttemptLimiterTests: XCTestCase {
    func testCapsInTotalAndPerAddress() {
        var l = AttemptLimiter.Limits()
        l.total = 3
        l.perAddress = 2
        var lim = AttemptLimiter(limits: l)
        XCTAssertNil(lim.admit("10.0.0.1", now: 0))
        XCTAssertNil(lim.admit("10.0.0.1", now: 0))
        XCTAssertEqual(lim.admit("10.0.0.1", now: 0), .tooManyFromAddress)
        XCTAssertNil(lim.admit("10.0.0.2", now: 0))
        XCTAssertEqual(lim.admit("10.0.0.3", now: 0), .full)
        lim.closed("10.0.0.1", wasWaiting: true)
        XCTAssertNil(lim.admit("10.0.0.3", now: 0))
        XCTAssertEqual(lim.open, 3)
    }

    func testWaitingConnectionsAreCappedUntilTheyPassTheCode() {
        var l = AttemptLimiter.Limits()
        l.unauthenticated = 2
        l.unauthenticatedPerAddress = 2
        var lim = AttemptLimiter(limits: l)
        XCTAssertNil(lim.admit("a", now: 0))
        XCTAssertNil(lim.admit("b", now: 0))
        XCTAssertEqual(lim.admit("c", now: 0), .tooManyWaiting)
        lim.authenticated("a")
        XCTAssertNil(lim.admit("c", now: 0))
        XCTAssertEqual(lim.waiting, 2)
    }

    func testWrongCodesSlowThatAddressDownAndOnlyThatAddress() {
        var lim = AttemptLimiter()
        _ = lim.admit("bad", now: 0)
        lim.failed("bad", now: 0)
        lim.failed("bad", now: 0)
        XCTAssertEqual(lim.delayMs("bad", now: 0), 0, "two typos are free")
        lim.failed("bad", now: 0)
        XCTAssertEqual(lim.delayMs("bad", now: 0), 1_000)
        lim.failed("bad", now: 0)
        XCTAssertEqual(lim.delayMs("bad", now: 0), 2_000)
        XCTAssertEqual(lim.admit("bad", now: 500), .penalized(untilMs: 2_000))
        XCTAssertNil(lim.admit("good", now: 500))
        XCTAssertEqual(lim.delayMs("good", now: 500), 0)
        XCTAssertNil(lim.admit("bad", now: 2_000))
        for _ in 0..<40 { lim.failed("bad", now: 3_000) }
        XCTAssertEqual(lim.delayMs("bad", now: 3_000), AttemptLimiter.Limits().maxPenaltyMs)
    }

    func testTheRightCodeAndTimeForgiveEarlierTypos() {
        var lim = AttemptLimiter()
        _ = lim.admit("a", now: 0)
        for _ in 0..<3 { lim.failed("a", now: 0) }
        lim.authenticated("a")
        XCTAssertEqual(lim.delayMs("a", now: 0), 0)
        _ = lim.admit("b", now: 0)
        for _ in 0..<3 { lim.failed("b", now: 0) }
        XCTAssertEqual(lim.admit("b", now: 700_000), nil, "failures are forgotten after ten minutes")
    }
}

final class RoomBudgetTests: XCTestCase {
    /// Many addresses guess no faster together than the room's budgets allow: each address
    /// gets one check in the lane of those that never failed, then waits in the failed lane
    /// with all the others; a check that would wait too long is not made and still counts.
    func testCodeChecksFromAnyNumberOfAddressesQueueBehindOneBudget() {
        var lim = AttemptLimiter()
        let l = lim.limits
        var now: Int64 = 0
        var checked = 0
        // 500 addresses, each guessing every 10 ms for 20 s, never waiting more than 8 s.
        while now < 20_000 {
            for a in 0..<500 where lim.bookCheck("10.0.\(a / 250).\(a % 250)", now: now, maxWaitMs: 8_000) != nil {
                checked += 1
            }
            now += 10
        }
        let allowed = 500 + l.roomBurst + Int((20_000 + 8_000) / l.roomIntervalMs) + 1
        XCTAssertLessThanOrEqual(checked, allowed, "checks are bounded by one per address and the failed lane's rate")
        let expected = l.expectedGuessingMs(digits: RoomCode.defaultLength, addresses: 254)
        XCTAssertGreaterThan(expected, 86_400_000, "over a day")
    }

    /// The lock-out lever of the last attack: 100 addresses keep the room's budget full of
    /// wrong codes; a phone that has not failed still has its code checked at once.
    func testGuessersFromAHundredAddressesNeverKeepANewcomerWithTheRightCodeOut() {
        var lim = AttemptLimiter()
        var now: Int64 = 0
        var newcomersIn = 0
        for second in 0..<60 {
            for step in 0..<10 {
                for a in 0..<100 { _ = lim.bookCheck("10.1.0.\(a)", now: now, maxWaitMs: 8_000) }
                now += 100
                if step == 5, let b = lim.bookCheck("192.168.1.\(second + 1)", now: now, maxWaitMs: 8_000) {
                    XCTAssertEqual(b.lane, .clean)
                    if b.waitMs <= 8_000 { newcomersIn += 1 }
                    lim.rightCode("192.168.1.\(second + 1)", booking: b, now: now)
                }
            }
        }
        XCTAssertEqual(newcomersIn, 60, "every newcomer with the right code is checked within 8 s")
        XCTAssertTrue(lim.underAttack(now: now), "the door says it is under attack")
    }

    func testARefusedOrUnansweredCheckCountsAsAFailure() {
        var lim = AttemptLimiter()
        let first = lim.bookCheck("a", now: 0, maxWaitMs: 8_000)
        XCTAssertEqual(first?.lane, .clean)
        // A second guess sent before the first is answered waits with those that failed.
        XCTAssertEqual(lim.bookCheck("a", now: 0, maxWaitMs: 8_000)?.lane, .failed)
        var l = AttemptLimiter.Limits()
        l.roomBurst = 1
        var tight = AttemptLimiter(limits: l)
        _ = tight.bookCheck("x", now: 0, maxWaitMs: 0)
        _ = tight.bookCheck("x", now: 0, maxWaitMs: 0)
        XCTAssertNil(tight.bookCheck("x", now: 0, maxWaitMs: 0), "the failed lane is full")
        XCTAssertGreaterThan(tight.delayMs("x", now: 0), 0, "the refused check counted: three failures, a penalty")
    }

    func testARightRoomCodeDoesNotClearWrongRejoinCodes() {
        var lim = AttemptLimiter()
        for _ in 0..<4 { lim.wrongRejoin("a", now: 0) }
        let penalty = lim.delayMs("a", now: 0)
        XCTAssertGreaterThan(penalty, 0)
        let b = lim.bookCheck("a", now: 0, maxWaitMs: 60_000)!
        XCTAssertEqual(b.lane, .failed)
        lim.rightCode("a", booking: b, now: 0)
        XCTAssertGreaterThanOrEqual(lim.delayMs("a", now: 0), penalty, "the rejoin guesses still count")
        XCTAssertEqual(lim.delayMs("a", now: 700_000), 0, "until they are old")
    }

    func testARightCodeAfterAFloodWaitsItsTurnButIsChecked() {
        var lim = AttemptLimiter()
        for i in 0..<lim.limits.cleanBurst {
            XCTAssertEqual(lim.bookCheck("a\(i)", now: 0, maxWaitMs: 8_000)?.waitMs, 0)
        }
        XCTAssertEqual(lim.bookCheck("phone", now: 0, maxWaitMs: 8_000)?.waitMs, lim.limits.cleanIntervalMs)
        XCTAssertEqual(lim.bookCheck("phone2", now: 0, maxWaitMs: 8_000)?.waitMs, 2 * lim.limits.cleanIntervalMs)
        XCTAssertEqual(lim.bookCheck("later", now: 60_000, maxWaitMs: 8_000)?.waitMs, 0, "the budget refills")
    }

    func testARoomArrivingWithTheRightCodeNeverWaits() {
        var lim = AttemptLimiter()
        for i in 0..<500 {
            let b = lim.bookCheck("phone\(i)", now: 0, maxWaitMs: 8_000)
            XCTAssertEqual(b?.waitMs, 0)
            if let b { lim.rightCode("phone\(i)", booking: b, now: 0) }
        }
    }

    func testAnIPv6DeviceIsItsSlash64() {
        let device = AttemptLimiter.key("2001:db8:1:2:aaaa::1")
        XCTAssertEqual(device, AttemptLimiter.key("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
        XCTAssertNotEqual(AttemptLimiter.key("2001:db8:1:2::1"), AttemptLimiter.key("2001:db8:1:3::1"))
        XCTAssertEqual(AttemptLimiter.key("::ffff:192.0.2.1"), "192.0.2.1")
        XCTAssertEqual(AttemptLimiter.key("192.0.2.1"), "192.0.2.1")
    }

    func testTokenBucketsAllowABurstThenARate() {
        var b = RateBucket(burst: 3, perSecond: 2)
        XCTAssertEqual((0..<5).filter { _ in b.take(nowMs: 0) }.count, 3)
        XCTAssertFalse(b.take(nowMs: 100))
        XCTAssertTrue(b.take(nowMs: 600))
        XCTAssertTrue(b.take(nowMs: 10_000, cost: 3))
        XCTAssertFalse(b.take(nowMs: 10_000))
    }

    func testEveryConnectionCountsPenalisedOrNot() {
        var l = AttemptLimiter.Limits()
        l.perAddress = 4
        var lim = AttemptLimiter(limits: l)
        for _ in 0..<10 { lim.failed("bad", now: 0) }
        for _ in 0..<4 { XCTAssertNil(lim.admit("bad", now: 0, refusePenalized: false)) }
        XCTAssertEqual(lim.admit("bad", now: 0, refusePenalized: false), .tooManyFromAddress)
        XCTAssertEqual(lim.open, 4)
    }
}

final class LANAddressTests: XCTestCase {
    func testFindsAnIPv4Address() {
        let a = LANAddress.find().shown
        let parts = a.split(separator: ".")
        XCTAssertEqual(parts.count, 4, a)
        XCTAssertTrue(parts.allSatisfy { UInt8($0) != nil }, a)
    }

    /// A laptop with Docker and a VPN: the address shown is the one on the default route's
    /// interface, not the first interface that happens to be up.
    func testShowsTheDefaultRoutesInterfaceAndListsTheOthers() {
        let table = """
            Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
            tun0\t0000080A\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
            wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
            eth0\t00000000\t0100000A\t0003\t0\t0\t100\t00000000\t0\t0\t0
            docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
            """
        XCTAssertEqual(LANAddress.defaultRouteInterface(table), "eth0", "the lowest metric wins")
        XCTAssertNil(LANAddress.defaultRouteInterface("Iface\tDestination\n"))
        let list = [
            LANAddress.Interface(name: "docker0", address: "172.17.0.1", ipv6: false),
            LANAddress.Interface(name: "wlan0", address: "192.168.1.20", ipv6: false),
            LANAddress.Interface(name: "wlan0", address: "fe80::1", ipv6: true),
            LANAddress.Interface(name: "wlan0", address: "2001:db8::20", ipv6: true),
        ]
        let chosen = LANAddress.choose(list, defaultInterface: "wlan0")
        XCTAssertEqual(chosen.shown, "192.168.1.20")
        XCTAssertEqual(chosen.others, ["172.17.0.1 (docker0)", "[2001:db8::20] (wlan0)"], "link-local left out")
        XCTAssertEqual(LANAddress.choose([], defaultInterface: nil).shown, "127.0.0.1")
        XCTAssertEqual(LANAddress.choose(list, defaultInterface: "ppp0").shown, "172.17.0.1", "no route: the first IPv4")
    }
}

/// The room between the projector's process and the desk: a status file and a requests file.
final class RoomLinkTests: XCTestCase {
    func testTheDeskReadsWhatTheProjectorWroteAndTheProjectorTakesTheDesksRequests() throws {
        let store = NSTemporaryDirectory() + "perspectief-link-" + UUID().uuidString.lowercased()
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let link = RoomLink(store: store, session: "s1")
        XCTAssertNil(link.status(), "no projector, no room")
        var info = RoomInfo(
            sshCommand: "ssh -p 2222 zaal@192.168.1.20", webAddress: "http://192.168.1.20:8080", code: "4821", fingerprint: "SHA256:x",
            people: [RoomPerson(id: "ssh-1", name: "Riet \u{1B}[31mrood", since: 1_795_356_000_000, via: .ssh, address: "192.168.1.31")],
            visible: false, joinsStopped: true)
        info.openedAt = 1_795_356_000_000
        info.otherAddresses = ["172.17.0.1 (docker0)"]
        link.publish(info)
        let read = try XCTUnwrap(link.status())
        XCTAssertEqual(read.sshCommand, info.sshCommand)
        XCTAssertEqual(read.code, "4821")
        XCTAssertEqual(read.openedAt, info.openedAt)
        XCTAssertEqual(read.otherAddresses, info.otherAddresses)
        XCTAssertTrue(read.joinsStopped)
        XCTAssertFalse(read.visible)
        XCTAssertEqual(read.people.first?.address, "192.168.1.31")
        XCTAssertFalse(read.people.first?.name?.unicodeScalars.contains("\u{1B}") ?? true, "a name from a file never reaches a screen raw")
        link.publish(nil)
        XCTAssertNil(link.status(), "a closed room is gone for the desk")

        XCTAssertEqual(link.takeRequests(), [])
        link.request(.stopJoins)
        link.request(.showPanel)
        XCTAssertEqual(link.takeRequests(), [.stopJoins, .showPanel])
        XCTAssertEqual(link.takeRequests(), [], "each request is carried out once")
        link.request(.open)
        var old = [timespec(tv_sec: time(nil) - 60, tv_nsec: 0), timespec(tv_sec: time(nil) - 60, tv_nsec: 0)]
        utimensat(AT_FDCWD, link.requestsPath, &old, 0)
        XCTAssertEqual(link.takeRequests(), [], "a request nobody carried out in time is dropped")
    }

    func testAStatusLeftByADeadProjectorIsIgnored() throws {
        let store = NSTemporaryDirectory() + "perspectief-link-" + UUID().uuidString.lowercased()
        try FileManager.default.createDirectory(atPath: store + "/.room", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let link = RoomLink(store: store, session: "s1")
        // pid 2^22+1 is above Linux's pid_max default: no such process.
        try #"{"pid":4194305,"ssh":"ssh -p 2222 zaal@10.0.0.1","people":[]}"#.write(toFile: link.statusPath, atomically: true, encoding: .utf8)
        XCTAssertNil(link.status())
    }
}
