(window.copseSearchParts = window.copseSearchParts || []).push({"part":1,"words":"the Loop Pair We and Before guide. quiz. survey you Adapted Again: Belonging During How Leeds Leeds. Made Nobody Our Read Start Starter Swap Typed York's [[not-a-link]] activities. board. browse charter. every first. from guide guide, guide: here in links middle minutes. on or our pair pairing part programming. quiz ran read reuse run start start. ten then to used with yet.","terms":"the loop pair we and before guide quiz survey you adapted again belonging during how leeds made nobody our read start starter swap typed york s yorks not a link notalink activities board browse charter every first from here in links middle minutes on or pairing part programming ran reuse run ten then to used with yet","wordTerms":"#!###$#%#&#'#(#)#*#+#,#-#.#/#0#1#1#2#3#4#5#6#7#8#9%:;<&=>?@#A#B#C#D#E#F#G#(#(#(#H#I#J#K#L#M#N#4#$#O#P#Q#)#R#5#S#T#6#6#U#V#W#X#Y#Z","stems":"     1 1    2  3 3  1 1       2   1     3y  1     1  1 1 2   3  4  1       ","pages":[
["communities/leeds/charter/index.html","Leeds charter",0,1,"","","%V$F'+Y"],
["communities/leeds/index.html","Leeds",0,0,"","","5#S&1@"],
["communities/leeds/meetings/2026-10-01-pairs/index.html","Trying pairs",0,4,"2026-10-01","Thursday 1 October 2026","%^$E[;*&N#):<L!>-!(",["Pairing"]],
["communities/leeds/resources/quiz/index.html","Loop quiz",0,5,"","","3H2",["pairing"]],
["communities/york/index.html","York",1,0,"","",""],
["communities/york/meetings/2026-11-02-survey/index.html","Survey results",1,4,"2026-11-02","Monday 2 November 2026","%T!.*&U!$("],
["communities/york/resources/survey/index.html","Belonging survey",1,5,"","",",C#)"],
["index.html","Crosslink Hub",-1,6,"","","7_!PDM?8="],
["resources/pair-guide/index.html","Pair guide",-1,5,"","","0]WOR'+X6!JQB/9AZK",["Pairing","KS3"]],
["resources/starter/index.html","Starter activities",-1,5,"","","4IG`",["unplugged"]]
]});
