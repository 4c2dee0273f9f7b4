# VAR=value cmd, set, export, unset, env
X=1
echo "X=$X"
env | grep -c '^X='
X=2 env | grep '^X='
echo "still $X"
X=3 sh -c 'echo child sees $X'
sh -c 'echo child sees [$X]'
export X
sh -c 'echo exported $X'
X=4; sh -c 'echo exported follows $X'
unset X
echo "unset [$X]"; sh -c 'echo child [$X]'
export Y=why Z=zed
env | grep '^[YZ]='
export | grep ' Y='
set A=1 B=2
echo $A$B
set | grep '^A='
set bad-name=1; echo "status $?"
export 1x=2; echo "status $?"
A="with space" B='$A' sh -c 'echo "$A|$B"'
P=/x:/y env | grep '^P='
env Q=qq | grep '^Q='
env R=rr sh -c 'echo $R'
EMPTY= sh -c 'echo "[$EMPTY]"'
echo "${UNDEFINED}[${UNDEFINED}]"
HOME=/tmp; cd; pwd
cd -
echo $PWD $OLDPWD
