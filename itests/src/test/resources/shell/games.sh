# the scenes, games and apps without a terminal: a fixed number of frames, the
# last one as plain text, then the final line (sizes from LINES and COLUMNS)
export COLUMNS=40
export LINES=12
balls --frames 30
starfield --frames 20
tunnel --frames 40
rainfire --frames 10
matrix --frames 12
train --frames 40
train | tail -2
snake --frames 90
atari_pong --frames 120
welcome --once --page 5
welcome | tail -2
# --once: one frame, the first
snake --once | head -4
LINES=8 snake --once
echo "status $?"
# the clock shows the time of day: its layout, not its hands; the large digits
# are 5 rows, each with a lit cell whatever the time ('###' rows depend on the
# digits: at 00:10:10 there are two)
COLUMNS=80 LINES=24 clock --once | grep -c 'Pebble analog clock  q quit  '
COLUMNS=80 LINES=24 clock --once | grep -c '#'
COLUMNS=30 LINES=14 clock --once | grep -c '#'
# bad command lines
balls --frames 0
echo "status $?"
snake --fps x
echo "status $?"
starfield extra
echo "status $?"
tunnel --bogus
echo "status $?"
