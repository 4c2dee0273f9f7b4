# parameter expansion: ${VAR:-x} ${VAR-x} ${VAR:=x} ${VAR:?} ${VAR:+x} ${#VAR} %, %%, #, ##
unset u; e=; s=value
echo "1 ${u:-default} ${e:-default} ${s:-default}"
echo "2 ${u-default} [${e-default}] ${s-default}"
echo "3 ${u:+alt} [${e:+alt}] ${s:+alt}"
echo "4 ${u+alt} [${e+alt}] ${s+alt}"
echo "5 ${u:=assigned} $u"
echo "6 [${e=assigned}] [$e]"
echo "7 ${#s} ${#e} ${#u}"
p=/usr/local/lib/file.tar.gz
echo "8 ${p%.*} ${p%%.*} ${p#*/} ${p##*/}"
echo "9 ${p%/*} ${p#/usr} ${p%.gz} ${p%nomatch}"
echo "10 ${p##*.} ${p#*.}"
w="a-b-c"
echo "11 ${w%-*} ${w%%-*} ${w#*-} ${w##*-}"
echo "12 ${w%[bc]} ${w#[ab]-}"
q='*'
echo "13 ${w%"$q"} ${w%$q}"
set -- one two three
echo "14 ${1} ${2:-x} ${4:-four} ${#} ${#1}"
echo "15 ${10:-ten}"
n=${u:-$s}; echo "16 $n"
nested=${u:+${s}}; echo "17 $nested"
echo "18 ${undefined:-"quoted default"}"
echo "19 ${undefined:-two  spaces}"
v=${undefined:-a b}; echo "20 [$v]"
( echo "21 ${novar:?custom message}" ) 2>/dev/null; echo "21 status $?"
( : ${novar2:?} ) 2>/dev/null; echo "22 status $?"
echo "23 ${s:+"${s}x"}"
x=abcabc
echo "24 ${x#a*c} ${x##a*c} ${x%b*} ${x%%b*}"
path=dir/sub/
echo "25 ${path%/}"
echo "26 ${#p}"
tilde=~; echo "27 ${tilde:+home set}"
long="hello world"
echo "28 ${long#hello }"
echo "29 ${s#}"
echo "30 ${s%"lue"}"
