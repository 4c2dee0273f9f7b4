# case: patterns, alternatives, classes, quoting, fallthrough order, empty bodies, (pattern)
for w in apple banana cherry date "two words" 42 x.txt '*' ''; do
    case $w in
        a*) echo "$w: starts with a" ;;
        b*|c*) echo "$w: b or c" ;;
        ????) echo "$w: four letters" ;;
        *" "*) echo "$w: has a space" ;;
        [0-9]*) echo "$w: digit" ;;
        *.txt) echo "$w: text file" ;;
        "*") echo "$w: a literal star" ;;
        "") echo "empty word" ;;
    esac
done
case x in (x) echo "parenthesized pattern" ;; esac
case abc in *b*) ;; esac; echo "empty body status $?"
case q in a) echo no ;; esac; echo "no match status $?"
v=hello
case $v in "$v") echo "quoted variable pattern" ;; esac
p='h*'
case $v in $p) echo "unquoted variable is a pattern" ;; esac
case $v in "$p") echo no ;; *) echo "quoted variable is literal" ;; esac
case ab in [!a]*) echo no ;; [a]?) echo "class then any" ;; esac
case Z in [[:upper:]]) echo "posix class" ;; esac
case - in [a-]) echo "dash in class" ;; esac
case '\' in '\') echo "backslash" ;; esac
case x in
    y) echo y ;;
    x)
        echo "multi-line body"
        echo "second line"
        ;;
esac
case "one" in
    one) echo first ;&
    two) echo "fell through" ;;
    three) echo no ;;
esac
