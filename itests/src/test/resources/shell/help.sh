# every command's --help: docs/commands.md holds each block (CommandDocsIT)
ls --help
echo
cat --help
echo
echo --help
echo
mkdir --help
echo
rmdir --help
echo
rm --help
echo
cp --help
echo
mv --help
echo
touch --help
echo
head --help
echo
tail --help
echo
wc --help
echo
grep --help
echo
sort --help
echo
uniq --help
echo
find --help
echo
tree --help
echo
du --help
echo
stat --help
echo
tee --help
echo
basename --help
echo
dirname --help
echo
/system/bin/env.peb --help
echo
/system/bin/which.peb --help
echo
true --help
echo
false --help
echo
test --help
echo
expr --help
echo
sleep --help
echo
date --help
echo
uname --help
echo
hostname --help
echo
clear --help
echo
tty --help
echo
version --help
echo
ps --help
echo
/system/bin/kill.peb --help
echo
sync --help
echo
cmp --help
echo
yes --help
echo
seq --help
echo
printf --help
echo
lang --help
echo
pebble --help
echo
edit --help
echo
pkg --help
echo
lsmod --help
echo
insmod --help
echo
rmmod --help
echo
modctl --help
echo
/bin/sh --help
echo
[ --help | head -1
