# One warnings list for every target; ATTUNE_WERROR turns them into errors (dev preset).
option(ATTUNE_WERROR "Treat warnings as errors" OFF)
function(attune_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wconversion
    -Wno-sign-conversion -Wnon-virtual-dtor -Wold-style-cast -Woverloaded-virtual)
  if(ATTUNE_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()
