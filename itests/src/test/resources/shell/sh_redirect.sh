# here-documents, here-strings, redirections left to right, fd duplication
name=world
cat <<EOF
hello $name
  indented $((1+1)) $(echo sub)
\$name stays \\ backslash
EOF
cat <<'EOF'
literal $name $(echo no) \n
EOF
cat <<"EOF"
also literal $name
EOF
cat <<-EOF
	tabs stripped $name
		only leading
	EOF
cat <<EOF | sort
b
a
EOF
cat <<A; cat <<B
first doc
A
second doc
B
read -r line <<< "here string $name"; echo "$line"
cat <<< 'quoted here string'
while read a b; do echo "$b $a"; done <<EOF
1 one
2 two
EOF
echo out > r1.txt
echo more >> r1.txt
cat < r1.txt
echo replaced > r1.txt; cat r1.txt
{ echo to-err >&2; echo to-out; } > both.txt 2>&1; sort both.txt
{ echo err-only >&2; } 2>&1 >/dev/null | cat
cat nosuch-file 2> err.txt; echo "cat status $?"; grep -c nosuch err.txt
exec 3> fd3.txt
echo "via fd 3" >&3
echo "again" 1>&3
exec 3>&-
cat fd3.txt
exec 4< r1.txt
read first <&4; echo "fd4: $first"
exec 4<&-
echo "noclobber off" > nc.txt
set -C
echo "blocked" > nc.txt 2>/dev/null || echo "noclobber refused: $?"
echo "forced" >| nc.txt; cat nc.txt
set +C
x=$(echo captured 2>&1); echo "$x"
y=$( { echo e >&2; } 2>&1 ); echo "stderr captured: $y"
pwd 2> redir-err.txt < missing-input; echo "status $?"; grep -c missing redir-err.txt
echo before > order.txt 2>&1
cat order.txt
: > empty.txt; wc -c < empty.txt
> created.txt; ls created.txt
echo text > "spaced name.txt"; cat "spaced name.txt"
f=target.txt; echo via-var > $f; cat target.txt
echo 1 2 3 >&1 | cat
x=$(cat <<EOF
inside substitution $name
EOF
)
echo "$x"
echo end
