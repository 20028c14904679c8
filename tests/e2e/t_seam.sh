# The test seam, without a terminal: keys from $CHARTE_KEYS, the last screen in $CHARTE_SCREEN.
. "$(dirname "$0")/lib.sh"
new_agency
export CHARTE_NOW='2026-03-02 10:15'
seam '<F2>Seam Tester<Tab>01 23 45 67 89<F10>'
check 'grep -qF "Call 1 logged" "$T/screen"' "F2, typing, F10 logs the call"
check '[ "$(wc -l <"$T/screen")" -eq 24 ]' "the screen is 24 lines"
seam '2<Resize:100x30>'
check 'grep -qF "Seam Tester" "$T/screen" && [ "$(wc -l <"$T/screen")" -eq 30 ]' "a resize"
seam '' 60x20
check 'grep -qF "Terminal too small" "$T/screen"' "below 80x24: too small"
seam '<Resize:60x20><Resize:80x24>'
check 'grep -qF "Overdue callbacks" "$T/screen"' "back from too small"
seam '2/seam<Enter>'
check 'grep -qF "Search: seam" "$T/screen" && grep -qF "Seam Tester" "$T/screen"' "search"
seam '<F2>Half typed<Sleep:10><Wait>'
check 'grep -qF "Half typed" "$T/screen"' "keys running out end the program on the last screen"
NO_COLOR=1 seam '<S-Tab>' # Settings, the last tab
check 'grep -qF "desk.opens" "$T/screen"' "NO_COLOR"
printf '<Bogus>' >"$T/keys"
CHARTE_KEYS="$T/keys" "$BIN" >"$T/out" 2>"$T/err"
check '[ $? -eq 1 ] && grep -qF "unknown key <Bogus>" "$T/err"' "a bad key name is refused"
pass
