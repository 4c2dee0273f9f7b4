# tty, clear and bash without a terminal
tty
clear | wc -c
tty extra
echo "status $?"
bash -c 'echo from bash; exit 4'
echo "status $?"
