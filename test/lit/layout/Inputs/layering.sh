#!/bin/bash
# usage: layering.sh SOURCE-ROOT; prints each include that breaks the layering.
root=$1
declare -A allowed=(
  [support]="support"
  [pragma]="support pragma"
  [graph]="support pragma graph"
  [runtime]="support runtime"
  [model]="support pragma graph runtime model"
  [dse]="support pragma graph runtime model dse"
)
bad=0
for dir in "${!allowed[@]}"; do
  while IFS=: read -r file _ inc; do
    folder=${inc%%/*}
    case " ${allowed[$dir]} " in
      *" $folder "*) ;;
      *) echo "$file includes $inc: $dir/ may use only ${allowed[$dir]}"; bad=1 ;;
    esac
  done < <(grep -o '#include "[a-z]*/[^"]*"' "$root/$dir"/*.[ch] "$root/$dir"/*.def 2>/dev/null |
           sed 's/#include "\(.*\)"/\1/' | awk -F: '{ print $1 ": :" $2 }' | sed 's/: :/::/')
done
[ $bad -eq 0 ] && echo "layering ok"
exit $bad
