# find as GNU find: expressions (! -a -o parentheses), tests, actions, depths, statuses
mkdir -p ft/a/b ft/c ft/emptydir
echo hello > ft/a/x.txt
echo hi > ft/a/b/Y.TXT
printf '%2000s' "" > ft/c/big.bin
: > ft/c/empty.log
echo z > ft/.hidden.md
cd ft
find . | sort
echo ---; find . -name '*.txt' | sort
echo ---; find . -iname '*.txt' | sort
echo ---; find . -name '*.md' | sort
echo ---; find . -type d | sort
echo ---; find . -type f -name '*.log' -o -name '*.md' | sort
echo ---; find . \( -name '*.md' -o -name '*.bin' \) -print | sort
echo ---; find . ! -type d | sort
echo ---; find . -not -name '*.txt' -type f | sort
echo ---; find . -empty | sort
echo ---; find . -size +1k -type f | sort
echo ---; find . -size -2c -type f | sort
echo ---; find . -maxdepth 1 | sort
echo ---; find . -mindepth 2 -type f | sort
echo ---; find . -path '*/b/*' | sort
echo ---; find . -name b -prune -o -type f -print | sort
echo ---; find a -exec echo item {} \; | sort
echo ---; find a -type f -exec echo batch {} + | wc -l
echo ---; find . -name '*.txt' -quit | wc -l
echo ---; find a -depth | sort
echo ---; find . -name '*.md' -print0 | od -c | head -1
echo ---; find a c -type f | sort
echo ---; find . -type f -perm -400 | sort
echo ---; find . -type f -perm -u+r | wc -l
echo ---; find . -newer a/x.txt -name nothing | wc -l
echo ---; find . -mtime -1 -type f | wc -l
echo ---; mkdir -p del/x; touch del/x/f; find del -delete; ls del 2>/dev/null; echo "deleted $?"
echo ---; find nonexist 2>/dev/null; echo "status $?"
echo ---; find . -badpred; echo "status $?"
echo ---; find . -name; echo "status $?"
echo ---; find . -type q; echo "status $?"
echo ---; find . \( -name a; echo "status $?"
